/**
 * Statements (issue 4 §6): an entity may put one statement of its own beside any of its records; the public
 * report shows it there. Writing again replaces it; deleting removes it. Both are audited.
 */
import { actorOf, requireAccess, type Principal } from '../domain/access.js';
import { stateDigest } from '../domain/audit-chain.js';
import type { Clock } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database, Db } from '../store/database.js';
import { deleteStatement, findStatement, putStatement, type StatementRow } from '../store/due-process-repository.js';
import { findRecord, type RecordRow } from '../store/record-repository.js';

/** Longest statement, in characters. */
export const MAX_STATEMENT_LENGTH = 2_000;

export interface StatementView {
  recordId: number;
  text: string;
  updatedAt: string;
}

export class StatementService {
  constructor(private readonly deps: { database: Database; clock: Clock }) {}

  /** Writes (or replaces) the caller's statement beside its record `recordId`. */
  async put(recordId: number, text: string, principal: Principal): Promise<StatementView> {
    const { database, clock } = this.deps;
    const at = clock();
    return database.transaction(async (tx) => {
      const record = await this.ownRecord(tx.db, recordId, principal);
      const before = await findStatement(tx.db, recordId);
      const row: StatementRow = { recordId, entityId: record.entityId, text, updatedAt: at.toISOString() };
      await putStatement(tx.db, row);
      await this.audit(tx.db, principal, at, 'statement.write', recordId, before, row);
      return statementView(row);
    });
  }

  /** Deletes the caller's statement beside its record `recordId`; NOT_FOUND when there is none. */
  async delete(recordId: number, principal: Principal): Promise<void> {
    const { database, clock } = this.deps;
    const at = clock();
    await database.transaction(async (tx) => {
      await this.ownRecord(tx.db, recordId, principal);
      const before = await findStatement(tx.db, recordId);
      if (!before) throw new DomainError('NOT_FOUND', `record ${recordId} has no statement`);
      await deleteStatement(tx.db, recordId);
      await this.audit(tx.db, principal, at, 'statement.delete', recordId, before, undefined);
    });
  }

  private async ownRecord(db: Db, recordId: number, principal: Principal): Promise<RecordRow> {
    const record = Number.isSafeInteger(recordId) ? await findRecord(db, recordId) : undefined;
    if (!record) throw new DomainError('NOT_FOUND', `no record ${recordId} in this node's register`);
    requireAccess(principal, 'statements.write', { entityId: record.entityId });
    return record;
  }

  private async audit(db: Db, principal: Principal, at: Date, action: string, recordId: number, before: StatementRow | undefined, after: StatementRow | undefined): Promise<void> {
    await appendAudit(db, {
      at,
      actor: actorOf(principal),
      action,
      subject: `record:${recordId}`,
      detail: { before: before ? stateDigest(statementView(before)) : null, after: after ? stateDigest(statementView(after)) : null },
    });
  }
}

/** A statement as answers and the public report show it. */
export function statementView(row: StatementRow): StatementView {
  return { recordId: row.recordId, text: row.text, updatedAt: new Date(row.updatedAt).toISOString() };
}
