/**
 * Webhooks and the outbox dispatcher (issue 4 §3). Any owner (`entity:<uuid>` for notices, `key:<uuid>` for
 * watches) may register one webhook; the dispatcher sends every pending outbox message of an owner with a
 * webhook as a signed POST and retries failures with exponential backoff until the receiver answers 2xx.
 *
 * Nothing is lost: a message stays in the outbox until delivered. Messages of an owner without a webhook
 * are parked (not polled again) and woken when it registers one. Several processes may dispatch from one
 * database: claiming leases rows with SKIP LOCKED, so no message is sent by two of them at once.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { stateDigest } from '../domain/audit-chain.js';
import type { Clock } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { retryDelayMs, signatureHeader } from '../domain/webhooks.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database } from '../store/database.js';
import { claimDue, deleteWebhook, markDelivered, markFailed, parkOwnerless, setWebhook, type ClaimedMessage } from '../store/outbox-repository.js';
import { servedMessage } from './notice-service.js';

export interface OutboxServiceOptions {
  /** How long a receiver has to answer. */
  timeoutMs: number;
  /** Pause between polls when nothing was due. */
  pollMs: number;
  /** Messages claimed and sent (concurrently) per round. */
  batchSize: number;
}

const DEFAULTS: OutboxServiceOptions = { timeoutMs: 10_000, pollMs: 1_000, batchSize: 20 };

export interface OutboxServiceDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Deliveries by event and outcome (`delivered`, `failed`). */
  deliveries?: Counter<'event' | 'outcome'>;
  /** In [0, 1): the jitter of retry delays. */
  random?: () => number;
  options?: Partial<OutboxServiceOptions>;
}

export interface DispatchRound {
  delivered: number;
  failed: number;
  /** Messages of owners without a webhook, set aside until one is registered. */
  parked: number;
}

export interface Webhook {
  url: string;
  /** The signing secret: shown once, when the webhook is set. */
  secret: string;
}

export class OutboxService {
  private readonly options: OutboxServiceOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly deps: OutboxServiceDeps) {
    this.options = { ...DEFAULTS, ...deps.options };
  }

  /**
   * Sets (or replaces) `owner`'s webhook with a new signing secret, audited with `actor`; messages that
   * waited for a webhook are delivered to it.
   */
  async setWebhook(owner: string, url: string, actor: string): Promise<Webhook> {
    if (!isWebUrl(url)) throw new DomainError('INVALID_REQUEST', `the webhook must be an http(s) URL, not "${url}"`, [{ field: 'url', reason: 'not an http(s) URL' }]);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const { database, clock } = this.deps;
    await database.transaction(async (tx) => {
      await setWebhook(tx.db, { owner, url, secret }, clock());
      await appendAudit(tx.db, { at: clock(), actor, action: 'webhook.set', subject: `webhook:${owner}`, detail: { after: stateDigest({ url }) } });
    });
    return { url, secret };
  }

  /** Removes `owner`'s webhook (NOT_FOUND when there is none); undelivered messages wait for the next one. */
  async removeWebhook(owner: string, actor: string): Promise<void> {
    const { database, clock } = this.deps;
    await database.transaction(async (tx) => {
      if (!(await deleteWebhook(tx.db, owner))) throw new DomainError('NOT_FOUND', 'no webhook is registered');
      await appendAudit(tx.db, { at: clock(), actor, action: 'webhook.delete', subject: `webhook:${owner}`, detail: { after: null } });
    });
  }

  /** One round: parks messages without a webhook, claims a batch of due ones and sends them. */
  async runOnce(now: Date = this.deps.clock()): Promise<DispatchRound> {
    const { database, logger } = this.deps;
    const parked = await parkOwnerless(database.db, now);
    const lease = new Date(now.getTime() + this.options.timeoutMs * 2);
    const claimed = await database.transaction((tx) => claimDue(tx.db, now, lease, this.options.batchSize));
    const outcomes = await Promise.all(claimed.map((m) => this.deliver(m, now)));
    const round = { delivered: outcomes.filter(Boolean).length, failed: outcomes.filter((ok) => !ok).length, parked };
    if (claimed.length > 0 || parked > 0) logger.debug(round, 'outbox round');
    return round;
  }

  /** Starts dispatching in the background: a full batch is followed at once by the next, otherwise it polls. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops dispatching and waits for the round in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.running = this.runOnce().then(
        (round) => round.delivered + round.failed >= this.options.batchSize,
        (error: unknown) => {
          this.deps.logger.error({ err: error }, 'outbox round failed');
          return false;
        },
      ).then((busy) => {
        if (!this.stopped) this.schedule(busy ? 0 : this.options.pollMs);
      });
    }, ms);
  }

  /** Sends one message; true when the receiver acknowledged it. */
  private async deliver(message: ClaimedMessage, now: Date): Promise<boolean> {
    const { database, deliveries } = this.deps;
    const payload = message.payload ?? servedMessage(message.notice!);
    const body = JSON.stringify({ id: message.id, event: message.event, payload, createdAt: message.createdAt });
    let error: string;
    try {
      const response = await fetch(message.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Credence-Webhooks/1',
          'credence-event': message.event,
          'credence-delivery': String(message.id),
          'credence-signature': signatureHeader(message.secret, Math.floor(now.getTime() / 1000), body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) {
        await markDelivered(database.db, message.id, now);
        deliveries?.labels(message.event, 'delivered').inc();
        return true;
      }
      error = `HTTP ${response.status}`;
    } catch (cause) {
      error = (cause as Error).name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : String((cause as Error).cause ?? (cause as Error).message);
    }
    const delay = retryDelayMs(message.attempts + 1, (this.deps.random ?? Math.random)());
    await markFailed(database.db, message.id, error, new Date(now.getTime() + delay));
    deliveries?.labels(message.event, 'failed').inc();
    return false;
  }
}

/** An absolute http(s) URL. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && text.length <= 2000;
  } catch {
    return false;
  }
}
