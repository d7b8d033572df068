/** Background work on a timer: sweeps, pulls. */

export interface Periodic {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `work` now and every `intervalMs`, never two runs at once (a run due while one is going waits for it);
 * failures go to `onError`. The timer does not keep the process alive.
 */
export function runEvery(intervalMs: number, work: () => Promise<unknown>, onError: (error: unknown) => void): Periodic {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(work).then(() => undefined, onError);
  };
  run();
  const timer = setInterval(run, intervalMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
