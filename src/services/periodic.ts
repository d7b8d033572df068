/** Background work on a timer: sweeps, pulls. */

export interface Periodic {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `work` after `firstAfterMs` (now by default) and every `intervalMs` after that, never two runs at once (a run
 * due while one is going waits for it); failures go to `onError`. The timer does not keep the process alive.
 */
export function runEvery(intervalMs: number, work: () => Promise<unknown>, onError: (error: unknown) => void, firstAfterMs = 0): Periodic {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(work).then(() => undefined, onError);
  };
  let timer: NodeJS.Timeout;
  const start = () => {
    run();
    timer = setInterval(run, intervalMs).unref();
  };
  if (firstAfterMs > 0) timer = setTimeout(start, firstAfterMs).unref();
  else start();
  return {
    async stop() {
      // Node clears a timeout and an interval alike.
      clearInterval(timer);
      await running;
    },
  };
}
