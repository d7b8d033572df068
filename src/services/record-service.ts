/**
 * Officers' recording (issue 4 §2): records created through the API in the interchange format, corrected or
 * revoked with reasons. Each change is audited with before/after digests in its own transaction, then
 * published on the change feed, so the check index and notices follow before the HTTP answer goes out.
 *
 * A correction never edits a record in place: the old record becomes `corrected` and a new one with the
 * corrected content is created beside it (source id `<sourceId>#c<n>`, `details.corrects` naming the old
 * id), so the register keeps what was decided and what was put right.
 */
import { z } from 'zod';
import { actorOf, requireAccess, type Principal } from '../domain/access.js';
import { stateDigest } from '../domain/audit-chain.js';
import { gbaDate, type Clock } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { formatIdentifier, type EntityRef, type IdentifierRules } from '../domain/identifiers/index.js';
import { lineHash } from '../domain/import-plan.js';
import { interchangeSchemas, type RecordLine } from '../domain/interchange.js';
import type { NodeId } from '../domain/taxonomy.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database, Db } from '../store/database.js';
import {
  countRecordsWithSourcePrefix,
  findRecord,
  findRecordBySource,
  insertRecord,
  setRecordStatus,
  type RecordRow,
} from '../store/record-repository.js';
import type { ChangeFeed } from './changes.js';
import { toRecordView, type EntityService, type RecordView } from './entity-service.js';

const reason = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters').describe('Why, as the entity and the audit log will read it');

/** Fields a correction may not change: a different subject or authority is a different decision (revoke it and record anew). */
const FIXED_FIELDS = { type: true, sourceId: true, subject: true, authority: true, status: true } as const;

/** The request schemas of one GBA day: decision dates may not be after it. */
function requestSchemas(identifierRules: IdentifierRules, today: string) {
  const { record } = interchangeSchemas({ identifierRules, today });
  return {
    /**
     * A record line; `type` may be left out. (`safeExtend` types an override as a narrowing of the key; a
     * default only widens what is accepted, so the cast states the output, which is unchanged.)
     */
    record: record.safeExtend({ type: z.literal('record').default('record') as unknown as typeof record.shape.type }),
    /** The corrected fields and the reason; the rest of the record stays as it was. */
    correction: z.strictObject(record.shape).omit(FIXED_FIELDS).partial().extend({ reason }),
    revocation: z.strictObject({ reason }),
    /** The merged corrected record, validated whole. */
    full: record,
  };
}
type RequestSchemas = ReturnType<typeof requestSchemas>;
export type RecordRequest = z.output<RequestSchemas['record']>;
export type CorrectionRequest = z.output<RequestSchemas['correction']>;
export type RevocationRequest = z.output<RequestSchemas['revocation']>;

export interface Recorded {
  /** False when the same record had been recorded before (an idempotent repeat). */
  created: boolean;
  record: RecordView;
}

export interface Correction {
  /** The old record, now `corrected`. */
  corrected: RecordView;
  /** The record with the corrected content. */
  record: RecordView;
}

export interface RecordServiceDeps {
  database: Database;
  node: NodeId;
  clock: Clock;
  identifierRules: IdentifierRules;
  entities: Pick<EntityService, 'resolve'>;
  changes: Pick<ChangeFeed, 'publish'>;
}

export class RecordService {
  private schemas: { today: string; schemas: RequestSchemas } | undefined;

  constructor(private readonly deps: RecordServiceDeps) {}

  /** The request schemas as of today (GBA), rebuilt when the day changes. */
  requestSchemas(): RequestSchemas {
    const today = gbaDate(this.deps.clock());
    if (this.schemas?.today !== today) this.schemas = { today, schemas: requestSchemas(this.deps.identifierRules, today) };
    return this.schemas.schemas;
  }

  /** A record by id, as the register shows it. */
  async get(id: number): Promise<RecordView> {
    return toRecordView(await this.existing(this.deps.database.db, id));
  }

  /**
   * Records a decision of the officer's own authority. Idempotent on `sourceId`: the same content again
   * returns the stored record (`created: false`); different content is a CONFLICT (correct it instead).
   */
  async create(line: RecordRequest, principal: Principal): Promise<Recorded> {
    requireAccess(principal, 'records.create', { authority: line.authority });
    const { database, node, clock } = this.deps;
    const entityId = await this.resolveSubject(line.subject);
    const contentHash = lineHash(line);
    const result = await database.transaction(async (tx): Promise<Recorded> => {
      const inserted = await insertRecord(tx.db, { originNode: node, entityId, line, contentHash });
      if (inserted) {
        const view = toRecordView(inserted);
        await appendAudit(tx.db, { at: clock(), actor: actorOf(principal), action: 'record.create', subject: `record:${inserted.id}`, detail: { sourceId: line.sourceId, after: stateDigest(view) } });
        return { created: true, record: view };
      }
      const stored = (await findRecordBySource(tx.db, node, line.sourceId))!;
      if (stored.contentHash !== contentHash) {
        throw new DomainError(
          'CONFLICT',
          `record ${line.sourceId} was already recorded (id ${stored.id}) with different content; to change it, POST /v1/records/${stored.id}/correction`,
          [{ field: 'sourceId', reason: 'already recorded with different content' }],
        );
      }
      return { created: false, record: toRecordView(stored) };
    });
    if (result.created) await this.deps.changes.publish({ register: [], records: [entityId], cause: 'record' });
    return result;
  }

  /**
   * Corrects an active record of the officer's authority: it becomes `corrected`, and a new record with the
   * corrected fields (the others unchanged) is created in the same transaction, audited with both digests.
   */
  async correct(id: number, request: CorrectionRequest, principal: Principal): Promise<Correction> {
    const { database, node, clock } = this.deps;
    const { reason: why, ...changes } = request;
    const result = await database.transaction(async (tx) => {
      const old = await this.amendable(tx.db, id, principal);
      const root = old.sourceId.replace(/#c\d+$/, '');
      const sourceId = `${root}#c${(await countRecordsWithSourcePrefix(tx.db, node, `${root}#c`)) + 1}`;
      const line = this.corrected(old, changes, sourceId);
      const inserted = await insertRecord(tx.db, { originNode: node, entityId: old.entityId, line, contentHash: lineHash(line), corrects: old.id });
      if (!inserted) throw new DomainError('CONFLICT', `source id ${sourceId} is already taken; retry the correction`);
      await setRecordStatus(tx.db, old.id, 'corrected', clock());
      const before = toRecordView(old);
      const corrected = { ...before, status: 'corrected' };
      const record = toRecordView(inserted);
      await appendAudit(tx.db, {
        at: clock(),
        actor: actorOf(principal),
        action: 'record.correct',
        subject: `record:${old.id}`,
        detail: { before: stateDigest(before), after: stateDigest(corrected), correction: record.id, correctionDigest: stateDigest(record), reason: why },
      });
      return { entityId: old.entityId, correction: { corrected, record } };
    });
    await this.deps.changes.publish({ register: [], records: [result.entityId], cause: 'record' });
    return result.correction;
  }

  /** Revokes an active record of the officer's authority: it stops having effect at once. Audited. */
  async revoke(id: number, request: RevocationRequest, principal: Principal): Promise<RecordView> {
    const { database, clock } = this.deps;
    const result = await database.transaction(async (tx) => {
      const old = await this.amendable(tx.db, id, principal);
      await setRecordStatus(tx.db, old.id, 'revoked', clock());
      const before = toRecordView(old);
      const after = { ...before, status: 'revoked' };
      await appendAudit(tx.db, {
        at: clock(),
        actor: actorOf(principal),
        action: 'record.revoke',
        subject: `record:${old.id}`,
        detail: { before: stateDigest(before), after: stateDigest(after), reason: request.reason },
      });
      return { entityId: old.entityId, after };
    });
    await this.deps.changes.publish({ register: [], records: [result.entityId], cause: 'record' });
    return result.after;
  }

  private async existing(db: Db, id: number, lock = false): Promise<RecordRow> {
    const row = Number.isSafeInteger(id) ? await findRecord(db, id, lock) : undefined;
    if (!row) throw new DomainError('NOT_FOUND', `no record ${id} in this node's register`);
    return row;
  }

  /** The record, locked, if it is this node's own, the officer may amend it and it is still active. */
  private async amendable(db: Db, id: number, principal: Principal): Promise<RecordRow> {
    const row = await this.existing(db, id, true);
    if (row.originNode !== this.deps.node) {
      throw new DomainError('CONFLICT', `record ${id} comes from node ${row.originNode} and is read-only here: only that node can correct or revoke it`, [
        { field: 'id', reason: 'not a local record' },
      ]);
    }
    requireAccess(principal, 'records.amend', { authority: row.authority });
    if (row.status !== 'active') {
      throw new DomainError('CONFLICT', `record ${id} is ${row.status}; only an active record can be corrected or revoked`, [
        { field: 'status', reason: `is ${row.status}` },
      ]);
    }
    return row;
  }

  /** The old record with `changes` applied, validated as a whole record line. */
  private corrected(old: RecordRow, changes: Omit<CorrectionRequest, 'reason'>, sourceId: string): RecordLine {
    const details = (old.details ?? {}) as Record<string, unknown>;
    // A changed category takes its own block (penalty, rating or court) from the correction, not the old one.
    const blocks = changes.category === undefined || changes.category === old.category ? { penalty: details['penalty'], rating: details['rating'], court: details['court'] } : {};
    const input = {
      type: 'record',
      sourceId,
      subject: old.entityId,
      category: old.category,
      domain: old.domain,
      severity: old.severity ?? undefined,
      authority: old.authority,
      decisionNo: old.decisionNo,
      decidedOn: old.decidedOn,
      legalBasis: old.legalBasis,
      summary: old.summary,
      ...blocks,
      ...definedOnly(changes),
    };
    const parsed = this.requestSchemas().full.safeParse(input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', reason: i.message }));
      throw new DomainError('INVALID_REQUEST', `the corrected record is invalid: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`, problems);
    }
    return parsed.data;
  }

  private async resolveSubject(ref: EntityRef): Promise<string> {
    const text = ref.kind === 'id' ? ref.id : formatIdentifier(ref.identifier);
    try {
      return await this.deps.entities.resolve(text);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ENTITY_NOT_FOUND') {
        throw new DomainError('INVALID_REQUEST', `${error.message}: register the entity before recording about it`, [{ field: 'subject', reason: 'unknown entity' }]);
      }
      throw error;
    }
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
