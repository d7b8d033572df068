/**
 * The public credit report (issue 3 §5): who the entity is, the lists it is on (with legal basis, period and
 * remedies), its ratings in force, and the records inside their publication window — a record outside it,
 * or no longer active (expired, repaired, revoked, corrected), is not public and does not appear. Beside
 * each record, the entity's own statement about it, if any.
 */
import { fromDay } from '../domain/policy/dates.js';
import { evaluateEntity } from '../domain/policy/evaluate.js';
import type { ListMembership, RatingInForce } from '../domain/policy/model.js';
import { publicationWindow, type PublicationWindow } from '../domain/policy/publication.js';
import type { Jurisdiction } from '../domain/taxonomy.js';
import type { Db } from '../store/database.js';
import { statementsOf } from '../store/due-process-repository.js';
import { recordsWithStatusDates, toEvaluableRecord } from '../store/evaluation-repository.js';
import { toRecordView, type EntityService, type EntityView, type RecordView } from './entity-service.js';
import type { PolicyService } from './policy-service.js';
import { statementView } from './statement-service.js';

export interface ReportRecord extends RecordView {
  /** The publication window, when a publicity regime covers the record. */
  publication: PublicationWindow | null;
  disputed: boolean;
  /** The entity's own statement beside the record (issue 4 §6), if it wrote one. */
  statement: { text: string; updatedAt: string } | null;
}

export interface CreditReport {
  entity: EntityView;
  policyVersion: string;
  /** The date the report describes. */
  asOf: string;
  /** Memberships in effect or in their notice window. */
  lists: ListMembership[];
  ratings: RatingInForce[];
  records: ReportRecord[];
  /** Something in the report is under objection. */
  disputed: boolean;
}

export class ReportService {
  constructor(private readonly deps: { db: Db; entities: EntityService; policy: Pick<PolicyService, 'pack' | 'today'> }) {}

  /** The public report of the entity `ref` today. Throws INVALID_ENTITY_REF or ENTITY_NOT_FOUND. */
  async report(ref: string): Promise<CreditReport> {
    const { db, entities, policy } = this.deps;
    const entity = await entities.get(ref);
    const [rows, statements] = await Promise.all([recordsWithStatusDates(db, entity.id), statementsOf(db, entity.id)]);
    const pack = policy.pack;
    const today = policy.today();
    const asOf = fromDay(today);
    const evaluable = rows.map(toEvaluableRecord);
    const evaluation = evaluateEntity(pack, { id: entity.id, jurisdiction: entity.jurisdiction as Jurisdiction }, evaluable, asOf);
    const records: ReportRecord[] = [];
    rows.forEach((row, i) => {
      const record = evaluable[i]!;
      const window = record.originNode === pack.node ? publicationWindow(pack, record) : undefined;
      const published = record.status === 'active' && record.decidedOn <= asOf && (!window || (window.from <= asOf && asOf < window.until));
      if (!published) return;
      const statement = statements.get(row.id);
      records.push({
        ...toRecordView(row),
        publication: window ?? null,
        disputed: record.disputed === true,
        statement: statement ? { text: statement.text, updatedAt: statementView(statement).updatedAt } : null,
      });
    });
    const lists = evaluation.lists.filter((m) => m.state !== 'expired');
    return {
      entity,
      policyVersion: pack.version,
      asOf,
      lists,
      ratings: [...evaluation.ratings],
      records,
      disputed: lists.some((m) => m.disputed) || records.some((r) => r.disputed),
    };
  }
}
