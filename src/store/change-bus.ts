/**
 * The change bus: how processes sharing one PostgreSQL database tell each other what they changed, so each can
 * keep its in-memory indexes current (docs/deploy.md). On PostgreSQL a message is a NOTIFY on the
 * `credence_changes` channel, sent after the change committed; every process LISTENs on a connection of its own,
 * drops its own messages, and hands the others' to its handlers one at a time, in the order they were sent. A
 * lost listening connection is re-opened with backoff, and the handlers are then told to resync, since messages
 * sent meanwhile were lost. The same connection holds the lead for periodic jobs (a session advisory lock), so
 * the lead passes on when a process dies or loses its connection. On PGlite a single process owns the
 * database: the bus carries nothing and that process always leads.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { DatabaseTarget } from '../config.js';
import type { Db } from './database.js';

/** The channel every process listens on. */
export const CHANGE_CHANNEL = 'credence_changes';

/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more. */
const NOTIFY_PAYLOAD_LIMIT = 8_000;

/** `pg_try_advisory_lock` key of the periodic jobs' lead ("credence" in ASCII, as a number). */
const LEAD_LOCK = 0x63726564656e6365n;

/** Waits between reconnection attempts, in ms; the last one repeats. */
const RECONNECT_BACKOFF_MS = [100, 250, 500, 1_000, 2_000, 5_000];

export interface BusHandlers<M> {
  /** Another process's message; the next one waits until this resolves. */
  message(message: M): Promise<void>;
  /** After reconnecting: messages may have been missed, so state built from them must be rebuilt. */
  resync(): Promise<void>;
}

export interface ChangeBus<M> {
  /** Whether other processes can share the database (PostgreSQL) or not (PGlite: the bus carries nothing). */
  readonly shared: boolean;
  /** Bytes of JSON one message may take; larger ones are refused, so split them before. */
  readonly room: number;
  /** Tells the other processes (their listening processes only: messages are not stored). */
  publish(message: M): Promise<void>;
  /** Starts receiving the other processes' messages; resolves once listening. */
  listen(handlers: BusHandlers<M>): Promise<void>;
  /**
   * Whether this process leads the periodic jobs, taking the lead when nobody holds it. Only a listening process
   * can lead on PostgreSQL; the lead is kept until the listening connection is lost or closed.
   */
  lead(): Promise<boolean>;
  /** Stops listening and waits for the message being handled. */
  close(): Promise<void>;
}

/**
 * The bus of the database `target`: on PostgreSQL NOTIFY through `db` and LISTEN on a connection of its own (to
 * `listenUrl` when set: it must be a session, not a transaction-pooled one), nothing on PGlite.
 */
export function openChangeBus<M>(target: DatabaseTarget, db: Db, logger: Logger): ChangeBus<M> {
  return target.kind === 'postgres' ? new PostgresChangeBus<M>(target.listenUrl ?? target.url, db, logger) : soleProcessBus();
}

function soleProcessBus<M>(): ChangeBus<M> {
  return {
    shared: false,
    room: Number.POSITIVE_INFINITY,
    publish: async () => undefined,
    listen: async () => undefined,
    lead: async () => true,
    close: async () => undefined,
  };
}

/** What goes on the channel: the sending process, so that it can skip its own, and the message. */
interface Envelope<M> {
  from: string;
  message: M;
}

class PostgresChangeBus<M> implements ChangeBus<M> {
  readonly shared = true;
  readonly room: number;
  private readonly origin = randomUUID();
  private handlers: BusHandlers<M> | undefined;
  private client: pg.Client | undefined;
  private leading = false;
  private leadAttempt: Promise<boolean> | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly db: Db,
    private readonly logger: Logger,
  ) {
    const envelope = Buffer.byteLength(JSON.stringify({ from: this.origin, message: 0 })) - 1;
    this.room = NOTIFY_PAYLOAD_LIMIT - 1 - envelope;
  }

  async publish(message: M): Promise<void> {
    const payload = JSON.stringify({ from: this.origin, message } satisfies Envelope<M>);
    if (Buffer.byteLength(payload) >= NOTIFY_PAYLOAD_LIMIT) throw new Error(`a change-bus message must fit in ${this.room} bytes of JSON`);
    await this.db.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${payload})`);
  }

  async listen(handlers: BusHandlers<M>): Promise<void> {
    this.handlers = handlers;
    await this.connect();
  }

  lead(): Promise<boolean> {
    // Jobs due together share one attempt.
    this.leadAttempt ??= this.tryLead().finally(() => (this.leadAttempt = undefined));
    return this.leadAttempt;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    this.leading = false;
    await client?.end().catch(() => undefined);
    await this.queue;
  }

  private async tryLead(): Promise<boolean> {
    const client = this.client;
    if (this.leading || !client) return this.leading;
    const result = await client.query<{ taken: boolean }>('select pg_try_advisory_lock($1) as taken', [LEAD_LOCK.toString()]).catch(() => undefined);
    // A connection lost meanwhile took the lock with it.
    this.leading = result?.rows[0]?.taken === true && this.client === client;
    return this.leading;
  }

  private async connect(): Promise<void> {
    // Loaded here: a node on the embedded database never needs the driver.
    const { default: driver } = await import('pg');
    const client = new driver.Client({ connectionString: this.url, keepAlive: true });
    let open = true;
    const gone = (error?: Error) => {
      if (!open) return;
      open = false;
      if (this.client === client) this.lost(client, error);
    };
    client.on('notification', (notification) => this.receive(notification.payload));
    client.on('error', gone);
    client.on('end', () => gone());
    try {
      await client.connect();
      await client.query(`listen ${CHANGE_CHANNEL}`);
      if (!open) throw new Error('the listening connection closed as it opened');
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) await client.end();
    else this.client = client;
  }

  private receive(payload: string | undefined): void {
    let envelope: Partial<Envelope<M>> | null = null;
    try {
      envelope = JSON.parse(payload ?? '') as Partial<Envelope<M>> | null;
    } catch {
      // Not JSON: ignored below.
    }
    if (typeof envelope?.from !== 'string' || !('message' in envelope)) {
      this.logger.warn({ channel: CHANGE_CHANNEL, payload }, 'ignored a change-bus message that is not an envelope');
      return;
    }
    const { from, message } = envelope as Envelope<M>;
    if (from !== this.origin) this.enqueue(() => this.handlers!.message(message));
  }

  /** Handlers run one at a time, in arrival order; a failure is logged and does not stop the next. */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => this.logger.error({ err: error }, 'handling a change-bus message failed'));
  }

  /** The listening connection `client` ended: the lead went with it; listen again. */
  private lost(client: pg.Client, error?: Error): void {
    this.client = undefined;
    this.leading = false;
    client.end().catch(() => undefined);
    this.logger.warn({ err: error }, 'lost the connection listening for other processes’ changes; reconnecting');
    this.reconnect(0);
  }

  private reconnect(attempt: number): void {
    if (this.closed) return;
    const delay = RECONNECT_BACKOFF_MS[Math.min(attempt, RECONNECT_BACKOFF_MS.length - 1)];
    this.retry = setTimeout(() => {
      this.connect().then(
        () => {
          if (this.closed) return;
          this.logger.info({ attempts: attempt + 1 }, 'listening for other processes’ changes again; rebuilding what they may have changed meanwhile');
          this.enqueue(() => this.handlers!.resync());
        },
        (error: unknown) => {
          this.logger.warn({ err: error, attempt: attempt + 1 }, 'reconnecting the change-bus listener failed');
          this.reconnect(attempt + 1);
        },
      );
    }, delay);
    this.retry.unref();
  }
}
