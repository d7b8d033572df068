import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH, verifyAuditChain, type AuditEntry, type ChainedAuditEntry } from './audit-chain.js';

const ENTRIES: Omit<AuditEntry, 'seq'>[] = [
  { at: '2026-11-27T01:00:00.000Z', actor: 'import', action: 'import.batch', subject: 'import-batch:1', detail: { lines: [1, 500] } },
  { at: '2026-11-27T02:30:00.000Z', actor: 'officer:gd-samr:17', action: 'record.create', subject: 'record:GD-SAMR-2026-1', detail: { category: 'penalty' } },
  { at: '2026-11-27T03:00:00.000Z', actor: 'entity:uscc:9144030071526726XG', action: 'objection.file', subject: 'record:GD-SAMR-2026-1', detail: { objection: 9, nested: { b: 2, a: 1 } } },
  { at: '2026-11-28T00:00:00.000Z', actor: 'system', action: 'record.expire', subject: 'record:GD-SAMR-2026-1', detail: {} },
  { at: '2026-11-28T09:15:00.123Z', actor: 'officer:gd-samr:3', action: 'objection.decide', subject: 'objection:9', detail: { outcome: 'upheld' } },
];

/** A correctly chained log of the entries above, seq 1…n. */
function chain(entries = ENTRIES): ChainedAuditEntry[] {
  const out: ChainedAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  entries.forEach((entry, index) => {
    const full = { ...entry, seq: index + 1 };
    const hash = auditHash(prevHash, full);
    out.push({ ...full, prevHash, hash });
    prevHash = hash;
  });
  return out;
}

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

describe('verifyAuditChain: intact chains', () => {
  it('verifies a chain of several entries and reports its head', async () => {
    const log = chain();
    expect(await verifyAuditChain(log)).toEqual({ ok: true, entries: 5, head: log[4]!.hash });
  });

  it('verifies a chain given as an async stream', async () => {
    const log = chain();
    expect(await verifyAuditChain(stream(log))).toEqual({ ok: true, entries: 5, head: log[4]!.hash });
  });

  it('verifies an empty chain at the genesis hash', async () => {
    expect(await verifyAuditChain([])).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
  });

  it('produces 64-character hex hashes, each linked to the previous one', () => {
    const log = chain();
    for (const [i, entry] of log.entries()) {
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.prevHash).toBe(i === 0 ? GENESIS_HASH : log[i - 1]!.hash);
    }
  });

  it.each([
    ['with a +08:00 offset', '2026-11-27T10:30:00+08:00'],
    ['without milliseconds', '2026-11-27T02:30:00Z'],
    ['with microseconds zero', '2026-11-27T02:30:00.000000Z'],
    ['as PostgreSQL writes timestamptz', '2026-11-27 02:30:00+00'],
  ])('still verifies when `at` is written %s', async (_label, at) => {
    const log = chain();
    log[1] = { ...log[1]!, at };
    expect(await verifyAuditChain(log)).toMatchObject({ ok: true, entries: 5 });
  });

  it('still verifies when the detail keys come back in another order (jsonb)', async () => {
    const log = chain();
    log[2] = { ...log[2]!, detail: { nested: { a: 1, b: 2 }, objection: 9 } };
    expect(await verifyAuditChain(log)).toMatchObject({ ok: true });
  });
});

describe('verifyAuditChain: tampering', () => {
  type Tamper = [label: string, tamper: (log: ChainedAuditEntry[]) => ChainedAuditEntry[], seq: number, reason: string];
  const edit = (index: number, change: Partial<ChainedAuditEntry>) => (log: ChainedAuditEntry[]) =>
    log.map((entry, i) => (i === index ? { ...entry, ...change } : entry));

  const CASES: Tamper[] = [
    ['actor of entry 2', edit(1, { actor: 'officer:gd-samr:18' }), 2, 'content does not match its hash'],
    ['action of entry 3', edit(2, { action: 'objection.withdraw' }), 3, 'content does not match its hash'],
    ['subject of entry 1', edit(0, { subject: 'import-batch:2' }), 1, 'content does not match its hash'],
    ['at of entry 4 by one millisecond', edit(3, { at: '2026-11-28T00:00:00.001Z' }), 4, 'content does not match its hash'],
    ['at of entry 5 to another instant with an offset', edit(4, { at: '2026-11-28T09:15:00.123+08:00' }), 5, 'content does not match its hash'],
    ['detail value of entry 5', edit(4, { detail: { outcome: 'rejected' } }), 5, 'content does not match its hash'],
    ['detail of entry 4 gaining a key', edit(3, { detail: { reason: 'x' } }), 4, 'content does not match its hash'],
    ['nested detail of entry 3', edit(2, { detail: { objection: 9, nested: { a: 1, b: 3 } } }), 3, 'content does not match its hash'],
    ['seq of entry 3', edit(2, { seq: 4 }), 4, 'expected entry 3, found 4'],
    ['hash of entry 2', edit(1, { hash: 'f'.repeat(64) }), 2, 'content does not match its hash'],
    ['prevHash of entry 4', edit(3, { prevHash: '0'.repeat(64) }), 4, 'previous-hash link is broken'],
    ['prevHash of entry 1', edit(0, { prevHash: 'a'.repeat(64) }), 1, 'previous-hash link is broken'],
    ['removing entry 1', (log) => log.slice(1), 2, 'expected entry 1, found 2'],
    ['removing entry 3', (log) => log.filter((e) => e.seq !== 3), 4, 'expected entry 3, found 4'],
    ['swapping entries 2 and 3', (log) => [log[0]!, log[2]!, log[1]!, log[3]!, log[4]!], 3, 'expected entry 2, found 3'],
    ['duplicating entry 2', (log) => [log[0]!, log[1]!, log[1]!, ...log.slice(2)], 2, 'expected entry 3, found 2'],
  ];

  it.each(CASES)('detects a change to the %s at seq %i', async (_label, tamper, seq, reason) => {
    expect(await verifyAuditChain(tamper(chain()))).toEqual({ ok: false, seq, reason });
  });

  it('detects a removed entry even when the later entries are renumbered', async () => {
    const log = chain();
    const renumbered = [log[0]!, ...log.slice(2).map((e) => ({ ...e, seq: e.seq - 1 }))];
    expect(await verifyAuditChain(renumbered)).toEqual({ ok: false, seq: 2, reason: 'previous-hash link is broken' });
  });

  it('detects a removed entry when the later entries are renumbered and re-linked but not re-hashed', async () => {
    const log = chain();
    const renumbered = [log[0]!, ...log.slice(2).map((e, i) => ({ ...e, seq: e.seq - 1, prevHash: i === 0 ? log[0]!.hash : log[i + 1]!.hash }))];
    expect(await verifyAuditChain(renumbered)).toEqual({ ok: false, seq: 2, reason: 'content does not match its hash' });
  });

  it('a rewritten tail only verifies if every later hash is recomputed', async () => {
    const rewritten = chain(ENTRIES.map((e, i) => (i === 2 ? { ...e, detail: { objection: 10 } } : e)));
    expect(await verifyAuditChain(rewritten)).toMatchObject({ ok: true });
    expect(rewritten[4]!.hash).not.toBe(chain()[4]!.hash);
  });
});

describe('auditHash', () => {
  const entry: AuditEntry = { seq: 1, ...ENTRIES[0]! };

  it('depends on the previous hash', () => {
    expect(auditHash(GENESIS_HASH, entry)).not.toBe(auditHash('1'.repeat(64), entry));
  });

  it('ignores fields outside the audit entry', () => {
    const withExtras = { ...entry, prevHash: 'x', hash: 'y', id: 7 } as AuditEntry;
    expect(auditHash(GENESIS_HASH, withExtras)).toBe(auditHash(GENESIS_HASH, entry));
  });
});
