/**
 * The transactional outbox (issue 4 §3) and the webhooks it delivers to: a message is enqueued in the
 * transaction that makes the change it reports, so a crash can delay a delivery but never lose one. The
 * dispatcher (src/services/outbox-service.ts) claims, sends and retries; messages of an owner without a
 * webhook are parked until it registers one.
 */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from './database.js';
import type { NoticeRow } from './notice-repository.js';
import { outbox, webhooks } from './schema.js';

export interface OutboxMessage {
  /** Whose webhook receives it: `entity:<uuid>` or `key:<uuid>`. */
  owner: string;
  /** `notice.served`, `watch.changed`, … */
  event: string;
  payload: Record<string, unknown>;
}

/** Messages per statement: keeps the JSON parameter of one statement to a few megabytes. */
const ENQUEUE_CHUNK = 5_000;

/**
 * Enqueues messages for delivery as soon as possible; call inside the change's transaction. A chunk travels as
 * one JSON parameter (an import enqueues a message per notice).
 */
export async function enqueue(db: Db, messages: readonly OutboxMessage[], at: Date): Promise<void> {
  for (let i = 0; i < messages.length; i += ENQUEUE_CHUNK) {
    await db.execute(sql`insert into outbox (owner, event, payload, next_attempt_at)
      select owner, event, payload, ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(messages.slice(i, i + ENQUEUE_CHUNK))}::jsonb) as m(owner text, event text, payload jsonb)`);
  }
}

/** A message claimed for sending, with the webhook it goes to. */
export interface ClaimedMessage {
  id: number;
  owner: string;
  event: string;
  /** The message; null for `notice.served`, which `notice` makes. */
  payload: Record<string, unknown> | null;
  notice: NoticeRow | null;
  createdAt: string;
  attempts: number;
  url: string;
  secret: string;
}

/** Why a parked message waits: it is delivered once its owner registers a webhook. */
export const NO_WEBHOOK = 'no webhook registered';

/**
 * Parks the due messages of owners without a webhook (`next_attempt_at` = infinity), so polling skips them
 * instead of scanning them again; `setWebhook` wakes them. One statement for any number of them.
 */
export async function parkOwnerless(db: Db, now: Date): Promise<number> {
  const [row] = await queryRows<{ parked: number }>(
    db,
    sql`with parked as (
          update outbox set next_attempt_at = 'infinity', last_error = ${NO_WEBHOOK}
          where delivered_at is null and next_attempt_at <= ${now.toISOString()}
            and not exists (select 1 from webhooks w where w.owner = outbox.owner)
          returning 1)
        select count(*)::int as parked from parked`,
  );
  return row!.parked;
}

/**
 * Claims up to `limit` due messages of owners with a webhook for sending, oldest due first, by moving their
 * next attempt to `leaseUntil`: another process skips rows being claimed (SKIP LOCKED) and does not see them
 * as due until the lease ends, so a message is never sent twice at once, and one whose sender died is sent
 * again after the lease.
 */
export async function claimDue(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
  const rows = await queryRows<{
    id: number | string;
    owner: string;
    event: string;
    payload: Record<string, unknown> | null;
    created_at: string | Date;
    attempts: number;
    url: string;
    secret: string;
    notice: NoticeJson | null;
  }>(
    db,
    sql`with due as (
          select o.id from outbox o
          where o.delivered_at is null and o.next_attempt_at <= ${now.toISOString()}
            and exists (select 1 from webhooks w where w.owner = o.owner)
          order by o.next_attempt_at, o.id
          limit ${limit}
          for update of o skip locked),
        claimed as (
          update outbox o set next_attempt_at = ${leaseUntil.toISOString()}
          from due, webhooks w
          where o.id = due.id and w.owner = o.owner
          returning o.id, o.owner, o.event, o.payload, o.notice_id, o.created_at, o.attempts, w.url, w.secret)
        select c.id, c.owner, c.event, c.payload, c.created_at, c.attempts, c.url, c.secret,
          case when n.id is not null then json_build_object('id', n.id, 'entityId', n.entity_id, 'subject', n.subject, 'kind', n.kind,
            'content', n.content, 'servedAt', n.served_at, 'readAt', n.read_at) end as notice
        from claimed c left join notices n on n.id = c.notice_id`,
  );
  return rows
    .map(({ created_at, notice, ...r }) => ({
      ...r,
      id: Number(r.id),
      createdAt: new Date(created_at).toISOString(),
      notice: notice && { ...notice, id: Number(notice.id) },
    }))
    .sort((a, b) => a.id - b.id);
}

/** A notice as `claimDue` reads it: one JSON value, the same on both dialects. */
type NoticeJson = Omit<NoticeRow, 'id'> & { id: number | string };

/** Records a delivery the receiver acknowledged. */
export async function markDelivered(db: Db, id: number, at: Date): Promise<void> {
  await db.update(outbox).set({ deliveredAt: at.toISOString(), attempts: sql`${outbox.attempts} + 1`, lastError: null }).where(eq(outbox.id, id));
}

/** Records a failed attempt and when to try again. */
export async function markFailed(db: Db, id: number, error: string, nextAttemptAt: Date): Promise<void> {
  await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error, nextAttemptAt: nextAttemptAt.toISOString() })
    .where(eq(outbox.id, id));
}

/** Messages not delivered yet, by owner (for operators and tests). */
export async function pendingCount(db: Db, owner: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.owner, owner), isNull(outbox.deliveredAt)));
  return Number(row?.n ?? 0);
}

/**
 * Sets (or replaces, with a new secret) the webhook of `owner` and wakes its parked messages: what was
 * enqueued before it had a webhook is delivered now.
 */
export async function setWebhook(db: Db, row: { owner: string; url: string; secret: string }, at: Date): Promise<void> {
  await db
    .insert(webhooks)
    .values(row)
    .onConflictDoUpdate({ target: webhooks.owner, set: { url: row.url, secret: row.secret, createdAt: sql`now()` } });
  await db
    .update(outbox)
    .set({ nextAttemptAt: at.toISOString(), lastError: null })
    .where(and(eq(outbox.owner, row.owner), isNull(outbox.deliveredAt), eq(outbox.lastError, NO_WEBHOOK)));
}

/** Removes the webhook of `owner`; false when it had none. Its undelivered messages wait for the next one. */
export async function deleteWebhook(db: Db, owner: string): Promise<boolean> {
  const rows = await db.delete(webhooks).where(eq(webhooks.owner, owner)).returning({ owner: webhooks.owner });
  return rows.length > 0;
}

/** The URL of `owner`'s webhook, if it has one. */
export async function findWebhookUrl(db: Db, owner: string): Promise<string | undefined> {
  const [row] = await db.select({ url: webhooks.url }).from(webhooks).where(eq(webhooks.owner, owner));
  return row?.url;
}
