/**
 * Rate limits (issue 8 §1): per key for callers that present one (a browser session counts as its key), per
 * address for anonymous callers, in fixed one-minute windows counted in this process. Counted in `onRequest`
 * once the access layer knows the caller, before the body is read or validated, so refused and malformed
 * requests count too. Only `/v1/` routes are limited. Over the limit: 429 problem+json with `retry-after` and
 * the `x-ratelimit-*` headers; answers within the limit carry none of them.
 *
 * Written here rather than taken from @fastify/rate-limit, which this module used before: that plugin's hook is
 * a chain of awaited promises per request (key, allow list, limit, store), and it cost the point-of-service
 * check 7.5 % of its throughput (docs/benchmarks.md). This hook is synchronous: a Map look-up and a count.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { problem, sendProblem } from './problem.js';

const WINDOW_MS = 60_000;
/** Callers tracked at once; past it, ended windows are dropped, then the oldest running ones. */
export const MAX_CALLERS = 100_000;

interface Window {
  /** When the window ends, in ms since the epoch. */
  resetAt: number;
  count: number;
}

/** Counts of requests per caller in fixed windows of a minute, the first request of a caller opening its window. */
export class RateLimiter {
  /** In the order the windows opened (a caller whose window ends is moved to the end), so ended ones come first. */
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Counts one request of `caller`, whose limit is `limit` a minute (0: none). Over the limit, the seconds until
   * its window ends (when to retry); otherwise undefined.
   */
  take(caller: string, limit: number): number | undefined {
    if (limit === 0) return undefined;
    const now = this.now();
    let window = this.windows.get(caller);
    if (window === undefined || now >= window.resetAt) {
      if (window !== undefined) this.windows.delete(caller);
      else if (this.windows.size >= MAX_CALLERS) this.evict(now);
      window = { resetAt: now + WINDOW_MS, count: 0 };
      this.windows.set(caller, window);
    }
    window.count++;
    return window.count > limit ? Math.ceil((window.resetAt - now) / 1000) : undefined;
  }

  private evict(now: number): void {
    for (const [caller, window] of this.windows) {
      if (window.resetAt > now) break;
      this.windows.delete(caller);
    }
    if (this.windows.size >= MAX_CALLERS) this.windows.delete(this.windows.keys().next().value!);
  }
}

/** Only the API is limited: operations endpoints, documentation, public keys and the web app's files are not. */
const limited = (request: FastifyRequest) => (request.routeOptions.url ?? request.url).startsWith('/v1/');

/** The limits as an `onRequest` hook; register after the access layer, which sets `request.principal`. */
export const rateLimits = fp(async (server: FastifyInstance, options: { limits: Config['rateLimits'] }) => {
  const limiter = new RateLimiter();
  const { perKeyPerMinute, perAddressPerMinute } = options.limits;
  server.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!limited(request)) return done();
    const principal = request.principal;
    const anonymous = principal.role === 'anonymous';
    const limit = anonymous ? perAddressPerMinute : perKeyPerMinute;
    const retryAfter = limiter.take(anonymous ? `address:${request.ip}` : `key:${principal.keyId}`, limit);
    if (retryAfter === undefined) return done();
    const seconds = String(retryAfter);
    reply.header('retry-after', seconds).header('x-ratelimit-limit', String(limit)).header('x-ratelimit-remaining', '0').header('x-ratelimit-reset', seconds);
    const detail = `more than ${limit} requests a minute from this ${anonymous ? 'address' : 'key'}; retry in ${seconds} s`;
    // Answered here: `done` is not called, so nothing after this hook runs.
    sendProblem(reply, request, problem(429, 'RATE_LIMITED', detail));
  });
});
