/**
 * Test helper: builds `EvaluableRecord`s with sensible defaults, so that a table row states only what the
 * row is about. Used by the policy tests only.
 */
import type { EvaluableRecord } from './model.js';

let sequence = 0;

/** A local (gd) active market record with the given fields; ids are unique per call. */
export function record(fields: Partial<EvaluableRecord> & Pick<EvaluableRecord, 'category' | 'decidedOn'>): EvaluableRecord {
  sequence += 1;
  return {
    id: `rec-${sequence}`,
    sourceId: `SRC-${sequence}`,
    originNode: 'gd',
    domain: 'market',
    authority: 'gd-samr',
    status: 'active',
    ...fields,
  };
}

/** A rating record of `scheme`/`grade` decided on `decidedOn`. */
export function rating(scheme: string, grade: string, decidedOn: string, fields: Partial<EvaluableRecord> = {}): EvaluableRecord {
  return record({ category: 'rating', domain: 'other-regulatory', decidedOn, rating: { scheme, grade }, ...fields });
}
