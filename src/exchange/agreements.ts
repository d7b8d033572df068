/**
 * Sharing agreements (issue 5 §2): what one node may send a partner node, read from the `agreements.yaml` of its
 * pack. Pure: which agreement is in force on a day, whether a record falls under one, and the record and entity
 * as the partner may see them — only the fields the agreement names, from a closed list. A field not named
 * never leaves the node, and neither does anything outside these lists (personal data has no field here: the
 * register holds legal entities only, and names of representatives are not part of the interchange format).
 */
import { inRange, dayRange } from '../domain/policy/compile.js';
import type { IdentifierScheme } from '../domain/identifiers/index.js';
import type { NodeId, RecordCategory } from '../domain/taxonomy.js';
import type { SharingAgreement } from '../policy/pack-schema.js';

/** The interchange record fields an agreement may let cross (SPEC §3), the category blocks last. */
export const SHARED_RECORD_FIELDS = [
  'sourceId',
  'category',
  'domain',
  'severity',
  'authority',
  'decisionNo',
  'decidedOn',
  'legalBasis',
  'summary',
  'status',
  'penalty',
  'rating',
  'court',
] as const;
export type SharedRecordField = (typeof SHARED_RECORD_FIELDS)[number];

/** Fields every agreement names: without them the partner cannot key, file or date a record. */
export const REQUIRED_RECORD_FIELDS: readonly SharedRecordField[] = ['sourceId', 'category', 'domain', 'decidedOn'];

/** The category block each block field belongs to; a block field is valid only for its category. */
export const BLOCK_CATEGORY: Partial<Record<SharedRecordField, RecordCategory>> = {
  penalty: 'penalty',
  rating: 'rating',
  court: 'court-enforcement',
};

/** A local record as the feed reads it: the interchange fields, with its category block in `details`. */
export interface ShareableRecord {
  sourceId: string;
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

/** An entity as the feed reads it: identifiers and names (legal persons' register data). */
export interface ShareableEntity {
  id: string;
  jurisdiction: string;
  identifiers: { scheme: string; value: string }[];
  names: { value: string; lang: string; kind: string }[];
}

/** A record as sent to the partner: `sourceId` and `category` always, the other fields only when named. */
export type SharedRecord = { sourceId: string; category: string } & Partial<Record<Exclude<SharedRecordField, 'sourceId' | 'category'>, unknown>>;

export interface SharedEntity {
  /** The entity's id on the issuing node: lets the partner keep one entity per issuing entity. */
  id: string;
  jurisdiction: string;
  identifiers: { scheme: string; value: string }[];
  names?: { value: string; lang: string; kind: string }[];
}

/** The agreement with `partner` in force on `day`, if any (the pack allows at most one at a time). */
export function agreementInForce(agreements: readonly SharingAgreement[], partner: NodeId, day: number): SharingAgreement | undefined {
  return agreements.find((a) => a.partner === partner && inRange(dayRange(a.effective), day));
}

/** Agreements with `partner` that have started by `day`: what the partner may have received so far. */
export function agreementsStartedBy(agreements: readonly SharingAgreement[], partner: NodeId, day: number): SharingAgreement[] {
  return agreements.filter((a) => a.partner === partner && dayRange(a.effective).from <= day);
}

/**
 * The terms of `agreement` for `record`'s category and facets, if it covers the record at all. With `anyGrade`,
 * a rating filter matches the scheme alone: a record that left the shared grades is still retracted.
 */
export function termsFor(
  agreement: SharingAgreement,
  record: Pick<ShareableRecord, 'category' | 'domain' | 'details'>,
  options: { anyGrade?: boolean } = {},
): SharingAgreement['records'][number] | undefined {
  return agreement.records.find((terms) => {
    if (terms.category !== record.category) return false;
    if (terms.domains && !terms.domains.includes(record.domain as never)) return false;
    if (terms.ratings) {
      const rating = (record.details?.rating ?? undefined) as { scheme?: string; grade?: string } | undefined;
      return terms.ratings.some((r) => r.scheme === rating?.scheme && (options.anyGrade || r.grades.includes(rating.grade ?? '')));
    }
    return true;
  });
}

/**
 * `record` reduced to the fields `fields` names.
 *
 * @example projectRecord(record, ['sourceId', 'category', 'domain', 'decidedOn']) // no summary, no authority
 */
export function projectRecord(record: ShareableRecord, fields: readonly SharedRecordField[]): SharedRecord {
  const shared: SharedRecord = { sourceId: record.sourceId, category: record.category };
  for (const field of fields) {
    switch (field) {
      case 'sourceId':
      case 'category':
        break;
      case 'penalty':
      case 'rating':
      case 'court':
        if (record.details?.[field] !== undefined) shared[field] = record.details[field];
        break;
      case 'severity':
        if (record.severity !== null) shared.severity = record.severity;
        break;
      default:
        shared[field] = record[field];
    }
  }
  return shared;
}

/** `entity` reduced to the identifier schemes and names `terms` let cross. */
export function projectEntity(entity: ShareableEntity, terms: SharingAgreement['entity']): SharedEntity {
  const schemes = new Set<string>(terms.identifiers satisfies readonly IdentifierScheme[]);
  const shared: SharedEntity = {
    id: entity.id,
    jurisdiction: entity.jurisdiction,
    identifiers: entity.identifiers.filter((i) => schemes.has(i.scheme)).map(({ scheme, value }) => ({ scheme, value })),
  };
  if (terms.names) shared.names = entity.names.map(({ value, lang, kind }) => ({ value, lang, kind }));
  return shared;
}
