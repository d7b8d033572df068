import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runEvery } from './periodic.js';

describe('runEvery', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once by default, then every interval', async () => {
    const work = vi.fn(async () => undefined);
    const job = runEvery(1_000, work, () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(work).toHaveBeenCalledTimes(3);
    await job.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('runs first after the delay given, then every interval; stopped before it, never', async () => {
    const work = vi.fn(async () => undefined);
    const job = runEvery(1_000, work, () => undefined, 60_000);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(work).toHaveBeenCalledTimes(2);
    await job.stop();

    const early = vi.fn(async () => undefined);
    await runEvery(1_000, early, () => undefined, 60_000).stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(early).not.toHaveBeenCalled();
  });

  it('never runs twice at once, and hands failures to onError', async () => {
    let running = 0;
    let most = 0;
    const errors: unknown[] = [];
    const job = runEvery(
      100,
      async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 250));
        running--;
        throw new Error('failed');
      },
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    // Stopping waits for the runs already due.
    const stopped = job.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    await stopped;
    expect(running).toBe(0);
    expect(most).toBe(1);
    expect(errors.length).toBeGreaterThan(1);
  });
});
