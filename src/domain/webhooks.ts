/**
 * Webhook deliveries (issue 4 §3): how a delivery is signed and when a failed one is tried again. Pure; the
 * dispatcher (src/services/outbox-service.ts) sends and stores.
 */
import { createHmac } from 'node:crypto';

/** How an entity is named as a webhook owner (its notices are announced to `entity:<uuid>`). */
export const ENTITY_OWNER_PREFIX = 'entity:';
export const entityOwner = (entityId: string): string => `${ENTITY_OWNER_PREFIX}${entityId}`;

/** The first retry comes after about a second, each later one after twice as long, never more than an hour. */
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 3_600_000;

/**
 * How long to wait before attempt `attempts + 1`, after `attempts` failed ones: exponential from one second,
 * with up to ±20 % jitter, capped at an hour so receivers that come back are not hit by every sender at once.
 * `random` is a number in [0, 1).
 * @example retryDelayMs(1, 0.5) === 1000; retryDelayMs(3, 0.5) === 4000; retryDelayMs(30, 0.5) === 3600000
 */
export function retryDelayMs(attempts: number, random: number): number {
  const base = FIRST_RETRY_MS * 2 ** Math.min(Math.max(0, attempts - 1), 32);
  return Math.min(MAX_RETRY_MS, Math.round(base * (0.8 + 0.4 * random)));
}

/**
 * The `Credence-Signature` header of a delivery sent at `unixSeconds`: `t=<seconds>,v1=<hex HMAC-SHA256>`
 * over `"<t>.<body>"` with the webhook's secret. A receiver recomputes it over the raw body and refuses old
 * timestamps, which stops replays.
 * @example signatureHeader('whsec_x', 1764216000, '{}') // 't=1764216000,v1=5c…'
 */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
