/** Looking entities and their records up by reference (`scheme:value` or internal id). */
import { DomainError } from '../domain/errors.js';
import { formatIdentifier, parseEntityRef, type IdentifierRules } from '../domain/identifiers/index.js';
import type { Db } from '../store/database.js';
import {
  countEntities,
  findEntityIdByIdentifier,
  getEntityDetail,
  listEntityRecords,
  primaryNames,
  type EntityDetail,
  type RecordRow,
} from '../store/entity-repository.js';

export interface EntityView {
  id: string;
  jurisdiction: string;
  originNode: string;
  legalForm: string | null;
  status: string;
  registeredOn: string | null;
  identifiers: { scheme: string; value: string; warnings?: string[] }[];
  names: { value: string; lang: string; kind: string; validFrom?: string; validTo?: string }[];
  relations: { kind: string; direction: 'outgoing' | 'incoming'; entity: { id: string; name: string | null } }[];
}

export interface RecordView {
  id: number;
  sourceId: string;
  originNode: string;
  category: string;
  domain: string;
  severity: string | null;
  authority: string;
  decisionNo: string;
  decidedOn: string;
  legalBasis: { instrument: string; article: string }[];
  summary: string;
  status: string;
  details: Record<string, unknown> | null;
}

export interface RecordPage {
  items: RecordView[];
  /** Cursor for the next page, or null on the last page. */
  next: string | null;
}

export class EntityService {
  constructor(private readonly deps: { db: Db; identifierRules: IdentifierRules }) {}

  /** How many entities the register holds. */
  count(): Promise<number> {
    return countEntities(this.deps.db);
  }

  /** Resolves a reference to an entity id, or throws INVALID_ENTITY_REF / ENTITY_NOT_FOUND. */
  async resolve(ref: string): Promise<string> {
    const parsed = parseEntityRef(ref, this.deps.identifierRules);
    if (!parsed.ok) throw new DomainError('INVALID_ENTITY_REF', `invalid entity reference "${ref}": ${parsed.reason}`, [{ field: 'ref', reason: parsed.reason }]);
    const id =
      parsed.ref.kind === 'id' ? parsed.ref.id : await findEntityIdByIdentifier(this.deps.db, parsed.ref.identifier);
    if (!id) throw notFound(parsed.ref.kind === 'id' ? parsed.ref.id : formatIdentifier(parsed.ref.identifier));
    return id;
  }

  async get(ref: string): Promise<EntityView> {
    const id = await this.resolve(ref);
    const detail = await getEntityDetail(this.deps.db, id);
    if (!detail) throw notFound(ref);
    const others = detail.relations.map((r) => (r.entityId === id ? r.targetId : r.entityId));
    return toEntityView(detail, await primaryNames(this.deps.db, others));
  }

  /** Exact look-up by identifier: a list of zero or one entity, for `GET /v1/entities?identifier=`. */
  async findByIdentifier(ref: string): Promise<EntityView[]> {
    try {
      return [await this.get(ref)];
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ENTITY_NOT_FOUND') return [];
      throw error;
    }
  }

  async records(ref: string, page: { after?: string; limit: number }): Promise<RecordPage> {
    const id = await this.resolve(ref);
    const after = page.after === undefined ? 0 : Number(page.after);
    if (!Number.isSafeInteger(after) || after < 0) {
      throw new DomainError('INVALID_REQUEST', 'after must be a cursor returned as `next`', [{ field: 'after', reason: 'not a cursor' }]);
    }
    const rows = await listEntityRecords(this.deps.db, id, { after, limit: page.limit });
    return { items: rows.map(toRecordView), next: rows.length === page.limit ? String(rows[rows.length - 1]!.id) : null };
  }
}

function notFound(ref: string): DomainError {
  return new DomainError('ENTITY_NOT_FOUND', `no entity ${ref} in this node's register`);
}

function toEntityView(d: EntityDetail, names: Map<string, string>): EntityView {
  const e = d.entity;
  return {
    id: e.id,
    jurisdiction: e.jurisdiction,
    originNode: e.originNode,
    legalForm: e.legalForm,
    status: e.status,
    registeredOn: e.registeredOn,
    identifiers: d.identifiers.map((i) => ({ scheme: i.scheme, value: i.value, ...(i.warnings ? { warnings: i.warnings } : {}) })),
    names: d.names.map((n) => ({
      value: n.value,
      lang: n.lang,
      kind: n.kind,
      ...(n.validFrom ? { validFrom: n.validFrom } : {}),
      ...(n.validTo ? { validTo: n.validTo } : {}),
    })),
    relations: d.relations.map((r) => {
      const outgoing = r.entityId === e.id;
      const other = outgoing ? r.targetId : r.entityId;
      return { kind: r.kind, direction: outgoing ? 'outgoing' : 'incoming', entity: { id: other, name: names.get(other) ?? null } };
    }),
  };
}

/** A stored record as the API shows it. */
export function toRecordView(r: RecordRow): RecordView {
  return {
    id: r.id,
    sourceId: r.sourceId,
    originNode: r.originNode,
    category: r.category,
    domain: r.domain,
    severity: r.severity,
    authority: r.authority,
    decisionNo: r.decisionNo,
    decidedOn: r.decidedOn,
    legalBasis: r.legalBasis,
    summary: r.summary,
    status: r.status,
    details: r.details ?? null,
  };
}
