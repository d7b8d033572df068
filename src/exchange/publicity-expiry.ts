/**
 * Expiry of publicity (issue 5 §3): a local record whose publicity window has ended (BRIEF §1.6) is marked
 * `expired`, audited, and thereby moves in the exchange feed, which then retracts it from partners that hold it.
 *
 * The evaluator already ends the record's effect on the last day of its window whatever its status, so marking it
 * changes no decision; it makes the end of publication a change every reader sees. The feed also checks the
 * window when it reads, so a record is never sent out after its window even before the sweep has run.
 */
import { stateDigest } from '../domain/audit-chain.js';
import type { Clock } from '../domain/dates.js';
import type { CompiledPack } from '../domain/policy/compile.js';
import { publicationWindowDays } from '../domain/policy/publication.js';
import type { ChangeFeed } from '../services/changes.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database } from '../store/database.js';
import { toEvaluableRecord } from '../store/evaluation-repository.js';
import { activeRecordPages, expireRecords } from '../store/exchange-repository.js';

export interface PublicityExpiryDeps {
  database: Database;
  pack: () => CompiledPack;
  today: () => number;
  clock: Clock;
  changes: ChangeFeed;
}

/** Marks the node's active records past their publicity window as expired; returns how many. */
export async function expirePublicity(deps: PublicityExpiryDeps): Promise<number> {
  const { database, clock, changes } = deps;
  const pack = deps.pack();
  const day = deps.today();
  const categories = [...new Set(pack.regimes.flatMap((r) => r.source.categories))];
  const ids: number[] = [];
  for await (const page of activeRecordPages(database.db, pack.node, categories)) {
    for (const row of page) {
      const window = publicationWindowDays(pack, toEvaluableRecord(row));
      if (window !== undefined && day >= window.until) ids.push(row.id);
    }
  }
  if (ids.length === 0) return 0;
  ids.sort((a, b) => a - b);
  const at = clock();
  const entityIds = await database.transaction(async (tx) => {
    const entities = await expireRecords(tx.db, ids, at);
    await appendAudit(tx.db, {
      at,
      actor: 'system',
      action: 'records.expire',
      subject: `node:${pack.node}`,
      detail: { reason: 'publicity window ended', count: ids.length, records: stateDigest(ids), before: stateDigest('active'), after: stateDigest('expired') },
    });
    return entities;
  });
  await changes.publish({ register: [], records: entityIds, cause: 'expiry' });
  return ids.length;
}
