/**
 * Evaluates one entity against a compiled policy pack on one date (SPEC §5): list memberships, ratings in
 * force, and per context the measures, facilitations and decision, each with the facts behind it. Pure: the
 * date is an argument, nothing is read from a clock or a database.
 *
 * The rules applied are stated where they live: record effect and publicity in `effects.ts`, ratings in
 * `ratings.ts`, lists in `memberships.ts`, measures and the decision in `measures.ts`.
 */
import type { PolicyPack } from '../../policy/pack-schema.js';
import { compilePack, inRange, type CompiledPack } from './compile.js';
import { fromDay, NEVER, toDay } from './dates.js';
import { effectOf, factOf, type RecordEffect } from './effects.js';
import { memberships } from './memberships.js';
import { NOTHING_APPLIES, outcomeFor, type EntityStanding } from './measures.js';
import type { ContextOutcome, EntityEvaluation, EvaluableEntity, EvaluableRecord, RatingInForce, Recognition } from './model.js';
import { inForceOn, ratingSpans, type RatingSpan } from './ratings.js';
import { MEASURE_CONTEXTS, type MeasureContext } from './vocabulary.js';

const compiledPacks = new WeakMap<PolicyPack, CompiledPack>();

/** Accepts a compiled pack, or compiles (once, cached) a validated one. */
function compiled(pack: CompiledPack | PolicyPack): CompiledPack {
  if ('schemes' in pack && pack.schemes instanceof Map) return pack as CompiledPack;
  const p = pack as PolicyPack;
  let c = compiledPacks.get(p);
  if (!c) compiledPacks.set(p, (c = compilePack(p)));
  return c;
}

/**
 * Everything the pack makes of `entity` on date `at` (ISO `YYYY-MM-DD`).
 *
 * Foreign records (originNode ≠ pack node) never put the entity on a local list nor trigger discipline;
 * only recognition rules give a foreign rating an effect, and only in the contexts they name.
 *
 * Designed for the check index: an entity with no records costs one small object, and nothing is allocated
 * per context unless a measure applies there.
 *
 * @example
 * const pack = compilePack(await loadPack('policies/gd'));
 * evaluateEntity(pack, { id: 'uscc:9144…', jurisdiction: 'GD' }, records, '2026-05-01').contexts['public-procurement'].decision
 */
export function evaluateEntity(
  pack: CompiledPack | PolicyPack,
  entity: EvaluableEntity,
  records: readonly EvaluableRecord[],
  at: string,
): EntityEvaluation {
  const p = compiled(pack);
  const header = { entityId: entity.id, jurisdiction: entity.jurisdiction, node: p.node, policyVersion: p.version, at };
  if (records.length === 0) return { ...header, lists: [], ratings: [], contexts: allowEverywhere };

  const atDay = toDay(at);
  const local: RecordEffect[] = [];
  const foreign: RecordEffect[] = [];
  for (const record of records) {
    const effect = effectOf(p, record, atDay);
    if (effect) (record.originNode === p.node ? local : foreign).push(effect);
  }

  const localSpans = ratingSpans(p, local, true);
  const foreignRatings = foreign.length > 0 ? inForceOn(ratingSpans(p, foreign, false), atDay) : [];
  const localRatings = new Map<string, RatingSpan>();
  for (const span of inForceOn(localSpans, atDay)) localRatings.set(span.scheme, span);

  const standing: EntityStanding = { memberships: memberships(p, local, localSpans, atDay), localRatings, foreignRatings, atDay };
  const contexts = {} as Record<MeasureContext, ContextOutcome>;
  for (const context of MEASURE_CONTEXTS) contexts[context] = outcomeFor(p, context, standing);

  return {
    ...header,
    lists: standing.memberships.filter((m) => m !== undefined),
    ratings: [...localRatings.values(), ...foreignRatings].map((s) => ratingInForce(p, s, atDay)),
    contexts,
  };
}

/** The contexts of an entity without records: shared by every such entity. */
const allowEverywhere: Readonly<Record<MeasureContext, ContextOutcome>> = Object.freeze(
  Object.fromEntries(MEASURE_CONTEXTS.map((c) => [c, NOTHING_APPLIES])) as Record<MeasureContext, ContextOutcome>,
);

function ratingInForce(pack: CompiledPack, span: RatingSpan, atDay: number): RatingInForce {
  const record = span.effect.record;
  const recognisedAs: Recognition[] = [];
  if (record.originNode !== pack.node) {
    for (const rule of pack.recognition) {
      const f = rule.source.foreign;
      if (f.node === record.originNode && f.scheme === span.scheme && rule.foreignGrades.has(span.grade) && inRange(rule.effective, atDay)) {
        recognisedAs.push({ rule: rule.source.id, scheme: rule.source.local.scheme, grade: rule.source.local.grade, contexts: rule.source.contexts });
      }
    }
  }
  return {
    scheme: span.scheme,
    grade: span.grade,
    originNode: record.originNode,
    since: fromDay(span.from),
    until: span.to === NEVER ? undefined : fromDay(span.to),
    because: factOf(record),
    recognisedAs,
  };
}
