/**
 * The tamper-evident audit chain (SPEC §1.5): each entry's hash covers its content and the previous
 * entry's hash, so changing, removing or reordering any entry breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  /** ISO 8601 instant. */
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

export interface ChainedAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

export function auditHash(prevHash: string, entry: AuditEntry): string {
  const { seq, at, actor, action, subject, detail } = entry;
  const content = canonicalJson({ seq, at: new Date(at).toISOString(), actor, action, subject, detail });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export type ChainVerdict = { ok: true; entries: number; head: string } | { ok: false; seq: number; reason: string };

/** Verifies entries given in sequence order (a stream, so a long log needs no memory), from the genesis hash. */
export async function verifyAuditChain(entries: AsyncIterable<ChainedAuditEntry> | Iterable<ChainedAuditEntry>): Promise<ChainVerdict> {
  let seq = 0;
  let hash = GENESIS_HASH;
  let count = 0;
  for await (const entry of entries) {
    if (entry.seq !== seq + 1) return { ok: false, seq: entry.seq, reason: `expected entry ${seq + 1}, found ${entry.seq}` };
    if (entry.prevHash !== hash) return { ok: false, seq: entry.seq, reason: 'previous-hash link is broken' };
    if (Number.isNaN(Date.parse(entry.at))) return { ok: false, seq: entry.seq, reason: `time ${entry.at} is not a valid instant` };
    if (auditHash(entry.prevHash, entry) !== entry.hash) return { ok: false, seq: entry.seq, reason: 'content does not match its hash' };
    ({ seq, hash } = entry);
    count++;
  }
  return { ok: true, entries: count, head: hash };
}

/**
 * The digest of a state as audit entries record it (`before` and `after`): SHA-256 of its canonical JSON,
 * so the log proves what a subject was without copying it.
 */
export function stateDigest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
