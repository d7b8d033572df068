import { searchNames, type NameIndex } from './name-index.js';
import { NAME_MATCH_THRESHOLD } from './similarity.js';

/** A labelled query: the ids that are right answers (empty when nothing in the corpus should match). */
export interface LabelledQuery {
  readonly query: string;
  readonly expected: readonly string[];
  readonly kind: string;
}

/** Quality figures for a group of queries. */
export interface SearchFigures {
  readonly queries: number;
  /** Share of queries whose first hit is a right answer (no-match: whose first hit is below the threshold). */
  readonly precisionAt1: number;
  /** Mean share of right answers found in the first five (capped at five answers). */
  readonly recallAt5: number;
  /** Mean share of right answers found in the first ten (capped at ten answers). */
  readonly recallAt10: number;
  /** Mean reciprocal rank of the first right answer. */
  readonly mrr: number;
  /** Of first hits at or above the match threshold, the share that are right answers. */
  readonly matchPrecision: number;
}

/** Figures for the whole set and for each query kind. */
export interface EvaluationReport {
  readonly overall: SearchFigures;
  readonly byKind: Readonly<Record<string, SearchFigures>>;
  readonly failures: ReadonlyArray<{ readonly query: LabelledQuery; readonly top: readonly string[] }>;
}

interface Outcome {
  readonly hitAt1: number;
  readonly recallAt5: number;
  readonly recall: number;
  readonly reciprocalRank: number;
  readonly asserted: boolean;
  readonly assertedRight: boolean;
}

/**
 * Runs labelled queries against an index and measures ranking quality per kind of query. Pure: the
 * caller loads the corpus and queries (test/fixtures/search) and builds the index.
 *
 * @example evaluateSearch(buildNameIndex(corpus), queries).byKind['typo']?.precisionAt1 // 0.95
 */
export function evaluateSearch(index: NameIndex, queries: readonly LabelledQuery[]): EvaluationReport {
  return evaluateRankings(queries, (q) => searchNames(index, q.query, 10).map((h) => ({ id: h.entityId, score: h.score, name: h.name })));
}

/** A ranked hit as {@link evaluateRankings} judges it. */
export interface RankedHit {
  readonly id: string;
  readonly score: number;
  readonly name: string;
}

/**
 * Measures any search strategy on labelled queries: `rank` answers each query with its first ten hits,
 * best first (the service over a real database, or a baseline).
 *
 * @example evaluateRankings(queries, (q) => mySearch(q.query)).overall.mrr
 */
export function evaluateRankings(queries: readonly LabelledQuery[], rank: (q: LabelledQuery) => readonly RankedHit[]): EvaluationReport {
  const groups = new Map<string, Outcome[]>();
  const all: Outcome[] = [];
  const failures: { query: LabelledQuery; top: string[] }[] = [];
  for (const q of queries) {
    const hits = rank(q);
    const outcome = judge(q, hits.map((h) => h.id), hits[0]?.score ?? 0);
    if (outcome.hitAt1 < 1) failures.push({ query: q, top: hits.slice(0, 3).map((h) => `${h.id} ${h.score.toFixed(3)} ${h.name}`) });
    all.push(outcome);
    groups.set(q.kind, [...(groups.get(q.kind) ?? []), outcome]);
  }
  const byKind: Record<string, SearchFigures> = {};
  for (const [kind, outcomes] of groups) byKind[kind] = summarise(outcomes);
  return { overall: summarise(all), byKind, failures };
}

function judge(q: LabelledQuery, ranked: readonly string[], topScore: number): Outcome {
  const asserted = topScore >= NAME_MATCH_THRESHOLD;
  if (q.expected.length === 0) {
    const right = asserted ? 0 : 1;
    return { hitAt1: right, recallAt5: right, recall: right, reciprocalRank: right, asserted, assertedRight: false };
  }
  const expected = new Set(q.expected);
  const first = ranked.findIndex((id) => expected.has(id));
  const found = (n: number) => ranked.slice(0, n).filter((id) => expected.has(id)).length / Math.min(expected.size, n);
  return {
    hitAt1: first === 0 ? 1 : 0,
    recallAt5: found(5),
    recall: found(10),
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    asserted,
    assertedRight: asserted && first === 0,
  };
}

function summarise(outcomes: readonly Outcome[]): SearchFigures {
  const mean = (f: (o: Outcome) => number) => outcomes.reduce((sum, o) => sum + f(o), 0) / Math.max(1, outcomes.length);
  const asserted = outcomes.filter((o) => o.asserted);
  return {
    queries: outcomes.length,
    precisionAt1: mean((o) => o.hitAt1),
    recallAt5: mean((o) => o.recallAt5),
    recallAt10: mean((o) => o.recall),
    mrr: mean((o) => o.reciprocalRank),
    matchPrecision: asserted.length === 0 ? 1 : asserted.filter((o) => o.assertedRight).length / asserted.length,
  };
}
