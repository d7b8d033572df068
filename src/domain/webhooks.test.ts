import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_MS, retryDelayMs, signatureHeader } from './webhooks.js';

describe('retryDelayMs', () => {
  it.each([
    // attempts so far, random, delay
    [0, 0.5, 1_000],
    [1, 0.5, 1_000],
    [2, 0.5, 2_000],
    [3, 0.5, 4_000],
    [10, 0.5, 512_000],
    [12, 0.5, 2_048_000],
    [13, 0.5, MAX_RETRY_MS],
    [1_000, 0.5, MAX_RETRY_MS],
    [1, 0, 800],
    [1, 0.999_999, 1_200],
    [12, 0, 1_638_400],
    [13, 0, 3_276_800],
    [13, 0.999_999, MAX_RETRY_MS],
    [14, 0, MAX_RETRY_MS],
  ])('after %i failed attempts with random %d waits %i ms', (attempts, random, delay) => {
    expect(retryDelayMs(attempts, random)).toBe(delay);
  });

  it('never waits less than the previous attempt did, without jitter', () => {
    let previous = 0;
    for (let attempts = 1; attempts < 40; attempts++) {
      const delay = retryDelayMs(attempts, 0.5);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
  });
});

describe('signatureHeader', () => {
  it('is an HMAC-SHA256 over "<t>.<body>" a receiver can recompute', () => {
    const body = '{"id":1,"event":"notice.served"}';
    const header = signatureHeader('whsec_test', 1_764_216_000, body);
    const expected = createHmac('sha256', 'whsec_test').update(`1764216000.${body}`).digest('hex');
    expect(header).toBe(`t=1764216000,v1=${expected}`);
  });

  it('changes with the body, the time and the secret', () => {
    const base = signatureHeader('a', 1, 'x');
    expect(signatureHeader('a', 1, 'y')).not.toBe(base);
    expect(signatureHeader('a', 2, 'x')).not.toBe(base);
    expect(signatureHeader('b', 1, 'x')).not.toBe(base);
  });
});
