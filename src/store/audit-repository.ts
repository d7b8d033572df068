/**
 * Appending to and reading the hash-chained audit log. Appends take a transaction-scoped advisory lock so
 * concurrent writers (several API processes on one PostgreSQL) still form a single chain.
 */
import { asc, gt, sql } from 'drizzle-orm';
import { GENESIS_HASH, auditHash, type ChainedAuditEntry } from '../domain/audit-chain.js';
import { queryRows, type Db } from './database.js';
import { auditLog } from './schema.js';

export interface NewAuditEntry {
  at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

/** Appends one entry; call inside the transaction that makes the change it records. */
export async function appendAudit(db: Db, entry: NewAuditEntry): Promise<ChainedAuditEntry> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('credence:audit'))`);
  const [head] = await queryRows<{ seq: number | string; hash: string }>(
    db,
    sql`select seq, hash from audit_log order by seq desc limit 1`,
  );
  const chained = { ...entry, at: entry.at.toISOString(), seq: head ? Number(head.seq) + 1 : 1, prevHash: head?.hash ?? GENESIS_HASH };
  const full: ChainedAuditEntry = { ...chained, hash: auditHash(chained.prevHash, chained) };
  await db.insert(auditLog).values(full);
  return full;
}

/** The whole chain in order, a page at a time, so verifying a long log keeps memory flat. */
export async function* readAuditLog(db: Db, pageSize = 5_000): AsyncGenerator<ChainedAuditEntry> {
  let after = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(pageSize);
    for (const row of page) yield { ...row, seq: Number(row.seq) };
    if (page.length < pageSize) return;
    after = Number(page[page.length - 1]!.seq);
  }
}
