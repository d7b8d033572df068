import { describe, expect, it } from 'vitest';
import { MAX_CALLERS, RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  const at = (clock: { now: number }) => new RateLimiter(() => clock.now);

  it('admits `limit` requests a window, then refuses with the seconds left, and opens a new window after a minute', () => {
    const clock = { now: 1_000_000 };
    const limiter = at(clock);
    for (let i = 0; i < 3; i++) expect(limiter.take('key:a', 3)).toBeUndefined();
    clock.now += 20_500;
    expect(limiter.take('key:a', 3)).toBe(40);
    clock.now += 39_499;
    expect(limiter.take('key:a', 3)).toBe(1);
    clock.now += 1;
    expect(limiter.take('key:a', 3)).toBeUndefined();
  });

  it('counts each caller apart, and a limit of 0 never refuses', () => {
    const limiter = at({ now: 0 });
    expect(limiter.take('key:a', 1)).toBeUndefined();
    expect(limiter.take('key:b', 1)).toBeUndefined();
    expect(limiter.take('key:a', 1)).toBe(60);
    for (let i = 0; i < 10; i++) expect(limiter.take('address:127.0.0.1', 0)).toBeUndefined();
  });

  it(`tracks at most ${MAX_CALLERS.toLocaleString('en-US')} callers: ended windows go first, then the oldest running one`, () => {
    const clock = { now: 0 };
    const limiter = at(clock);
    expect(limiter.take('early', 1)).toBeUndefined();
    clock.now = 30_000;
    expect(limiter.take('kept', 1)).toBeUndefined();
    for (let i = 2; i < MAX_CALLERS; i++) limiter.take(`caller:${i}`, 1);
    // Full: the next newcomer drops `early`, whose window has ended, and nobody else.
    clock.now = 60_000;
    expect(limiter.take('newcomer', 1)).toBeUndefined();
    expect(limiter.take('kept', 1)).toBe(30);
    // Full again with running windows only: the oldest running one (`kept`) is dropped and starts afresh.
    expect(limiter.take('another', 1)).toBeUndefined();
    expect(limiter.take('kept', 1)).toBeUndefined();
  });
});
