/**
 * `credence import`: streams files, validates every line against the interchange schemas, and applies each
 * batch of lines in one transaction (COPY for new rows). Idempotent: entities are keyed by identifier,
 * records by sourceId, and an unchanged line changes nothing. A line is applied whole or rejected whole; a
 * crash loses at most the batch in flight, which a re-run applies.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { gbaDate, type Clock } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import type { IdentifierRules } from '../../domain/identifiers/index.js';
import { planImportBatch, type ImportPlan, type Reject } from '../../domain/import-plan.js';
import type { NodeId } from '../../domain/taxonomy.js';
import type { Database } from '../../store/database.js';
import { appendAudit } from '../../store/audit-repository.js';
import { batchReferences, IMPORT_LOOKED_UP_COLUMNS, insertImportBatch, lockImports, lookupBatch, refreshStatistics, writeEntities, writeRecords } from '../../store/import-repository.js';
import { analyzeGrownTables } from '../../store/statistics.js';
import type { PreparedBatch } from './prepare.js';
import { preparedBatches } from './prepared-batches.js';
import type { ChangeFeed } from '../changes.js';

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  runId: string;
  files: string[];
  lines: number;
  entities: ImportCounts;
  records: ImportCounts;
  rejected: number;
  batches: number;
  seconds: number;
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  lines: number;
}

export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  /** Called for every rejected line, in line order within each batch, after the batch committed. */
  onReject?: (reject: Reject & { file: string }) => void | Promise<void>;
}

export interface ImportServiceDeps {
  database: Database;
  node: NodeId;
  identifierRules: IdentifierRules;
  clock: Clock;
  batchSize: number;
  /**
   * Told, after each committed batch, which entities changed, so that derived state (check index, search
   * index, branch proposals) catches up. Awaited before the next batch starts. A record that moved to
   * another subject counts for both entities.
   */
  changes?: ChangeFeed;
}

export class ImportService {
  constructor(private readonly deps: ImportServiceDeps) {}

  async importFiles(files: string[], hooks: ImportHooks = {}): Promise<ImportSummary> {
    if (files.length === 0) throw new DomainError('INVALID_REQUEST', 'no file to import');
    const sizes = await Promise.all(files.map(async (file) => {
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) throw new DomainError('NOT_FOUND', `cannot read ${file}: no such file`);
      return info.size;
    }));
    const started = this.deps.clock().getTime();
    const today = gbaDate(this.deps.clock());
    const summary: ImportSummary = {
      runId: randomUUID(),
      files,
      lines: 0,
      entities: { inserted: 0, updated: 0, unchanged: 0 },
      records: { inserted: 0, updated: 0, unchanged: 0 },
      rejected: 0,
      batches: 0,
      seconds: 0,
    };
    for (const [index, file] of files.entries()) {
      await this.importFile(file, sizes[index]!, today, summary, hooks);
    }
    // The embedded database has no autovacuum: without fresh statistics the planner would take a large register
    // for an empty one (the feed, for one, would sort every remaining record for each page).
    if (summary.entities.inserted + summary.records.inserted > 0) await refreshStatistics(this.deps.database.db);
    summary.seconds = (this.deps.clock().getTime() - started) / 1000;
    return summary;
  }

  private async importFile(file: string, bytesTotal: number, today: string, summary: ImportSummary, hooks: ImportHooks): Promise<void> {
    const { node, identifierRules, batchSize } = this.deps;
    let bytesRead = 0;
    for await (const batch of preparedBatches({ file, originNode: node, identifierRules, today, batchSize })) {
      summary.lines += batch.lines;
      bytesRead = batch.bytesRead;
      await this.applyBatch(file, batch, summary, hooks);
      hooks.onProgress?.({ file, bytesRead, bytesTotal, lines: summary.lines });
    }
    hooks.onProgress?.({ file, bytesRead: bytesTotal, bytesTotal, lines: summary.lines });
  }

  private async applyBatch(file: string, batch: PreparedBatch, summary: ImportSummary, hooks: ImportHooks): Promise<void> {
    const { database, node, clock } = this.deps;
    const plan = await database.transaction(async (tx) => {
      await lockImports(tx.db);
      const lookups = await lookupBatch(tx.db, node, batchReferences(batch.entities.map((l) => l.value), batch.records));
      const plan = planImportBatch(batch.entities, batch.records, lookups);
      const counts = countPlan(plan);
      const batchId = await insertImportBatch(tx.db, {
        runId: summary.runId,
        file,
        firstLine: batch.firstLine,
        lastLine: batch.lastLine,
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        rejected: plan.rejects.length + batch.rejects.length,
      });
      await writeEntities(tx, node, plan.newEntities, plan.changedEntities);
      await writeRecords(tx, batchId, plan.newRecords, plan.changedRecords);
      if (counts.inserted + counts.updated > 0) {
        await appendAudit(tx.db, {
          at: clock(),
          actor: 'import',
          action: 'import.batch',
          subject: `import-batch:${batchId}`,
          detail: {
            runId: summary.runId,
            file,
            lines: [batch.firstLine, batch.lastLine],
            entities: { inserted: plan.newEntities.length, updated: plan.changedEntities.map((e) => e.id) },
            records: { inserted: plan.newRecords.length, updated: plan.changedRecords.map((r) => r.record.sourceId) },
          },
        });
      }
      return plan;
    });
    const register = [...plan.newEntities, ...plan.changedEntities].map((e) => e.id);
    const records = [...new Set([...plan.newRecords.map((r) => r.entityId), ...plan.changedRecords.flatMap((r) => [r.entityId, r.previousEntityId])])];
    if (register.length + records.length > 0) await this.deps.changes?.publish({ register, records, cause: 'import' });
    await analyzeGrownTables(database.db, IMPORT_LOOKED_UP_COLUMNS);
    summary.batches++;
    summary.entities.inserted += plan.newEntities.length;
    summary.entities.updated += plan.changedEntities.length;
    summary.entities.unchanged += plan.unchangedEntities;
    summary.records.inserted += plan.newRecords.length;
    summary.records.updated += plan.changedRecords.length;
    summary.records.unchanged += plan.unchangedRecords;
    const rejects = [...batch.rejects, ...plan.rejects].sort((a, b) => a.line - b.line);
    summary.rejected += rejects.length;
    for (const reject of rejects) await hooks.onReject?.({ file, ...reject });
  }
}

function countPlan(plan: ImportPlan): ImportCounts {
  return {
    inserted: plan.newEntities.length + plan.newRecords.length,
    updated: plan.changedEntities.length + plan.changedRecords.length,
    unchanged: plan.unchangedEntities + plan.unchangedRecords,
  };
}
