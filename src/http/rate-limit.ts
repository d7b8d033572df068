/**
 * Rate limits (issue 8 §1) with @fastify/rate-limit: per key for callers that present one, per address for
 * anonymous callers, counted over a sliding minute in this process. Counted after the caller is known (the
 * access layer's `onRequest`) and before validation, so refused and malformed requests count too. Only `/v1/`
 * routes are limited. Over the limit: 429 problem+json with `retry-after` and the `x-ratelimit-*` headers; answers
 * within the limit carry none of them (three headers on every answer cost every caller, and a point-of-service
 * system far below its limit has no use for them).
 */
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/** Only the API is limited: operations endpoints, documentation, public keys and the web app's files are not. */
const limited = (request: FastifyRequest) => (request.routeOptions.url ?? request.url).startsWith('/v1/');

function limitFor(limits: Config['rateLimits'], key: string): number {
  return key.startsWith('key:') ? limits.perKeyPerMinute : limits.perAddressPerMinute;
}

export function rateLimitOptions(limits: Config['rateLimits']): RateLimitPluginOptions {
  const keyOf = (request: FastifyRequest) => (request.principal.role === 'anonymous' ? `address:${request.ip}` : `key:${request.principal.keyId}`);
  return {
    global: true,
    hook: 'preValidation',
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    timeWindow: 60_000,
    keyGenerator: keyOf,
    max: (_request, key) => limitFor(limits, key),
    // A limit of 0 turns that kind of limit off.
    allowList: (request, key) => !limited(request) || limitFor(limits, key) === 0,
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `more than ${context.max} requests a minute from this ${request.principal.role === 'anonymous' ? 'address' : 'key'}; retry in ${context.after}`,
    }),
  };
}
