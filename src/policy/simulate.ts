/**
 * Simulating a candidate pack (SPEC §2, policy administrator): evaluate every entity under the active and
 * the candidate pack on the same date and report who would enter or leave each list and how many check
 * decisions would change per context. Pure over a stream of entity pages, so memory stays bounded by the
 * page size and the samples, never by the register.
 */
import type { CompiledPack } from '../domain/policy/compile.js';
import { evaluateEntity } from '../domain/policy/evaluate.js';
import type { EntityEvaluation, EvaluationInput } from '../domain/policy/model.js';
import { MEASURE_CONTEXTS, type Decision, type MeasureContext } from '../domain/policy/vocabulary.js';

export interface Movement {
  count: number;
  /** The first entities (by register order), at most `sampleSize`. */
  sample: string[];
}

export interface SimulationReport {
  at: string;
  currentVersion: string;
  candidateVersion: string;
  entities: number;
  /** Per list of either pack: entities on it (pending or active) under one pack and not the other. */
  lists: { list: string; entering: Movement; leaving: Movement }[];
  /** Per context: how many check decisions change, by (from, to), with the first entities of each. */
  decisions: { context: MeasureContext; changed: number; changes: ({ from: Decision; to: Decision } & Movement)[] }[];
}

/**
 * Compares `candidate` with `current` for every entity of `pages` on date `at`.
 * @example await simulatePack(active, compilePack(candidate), readEvaluationPages(db), '2026-11-27')
 */
export async function simulatePack(
  current: CompiledPack,
  candidate: CompiledPack,
  pages: AsyncIterable<readonly EvaluationInput[]> | Iterable<readonly EvaluationInput[]>,
  at: string,
  sampleSize = 20,
): Promise<SimulationReport> {
  const listIds = [...new Set([...current.lists, ...candidate.lists].map((l) => l.source.id))];
  const lists = new Map(listIds.map((id) => [id, { list: id, entering: movement(), leaving: movement() }]));
  const changes = new Map(MEASURE_CONTEXTS.map((c) => [c, new Map<string, Movement>()]));
  let entities = 0;
  for await (const page of pages) {
    for (const input of page) {
      entities++;
      if (input.records.length === 0) continue; // no records: nothing applies under any pack
      const before = evaluateEntity(current, input.entity, input.records, at);
      const after = evaluateEntity(candidate, input.entity, input.records, at);
      const ref = input.refs[0] ?? input.entity.id; // entities are named by their first identifier
      const was = onLists(before);
      const is = onLists(after);
      for (const id of is) if (!was.has(id)) note(lists.get(id)!.entering, ref, sampleSize);
      for (const id of was) if (!is.has(id)) note(lists.get(id)!.leaving, ref, sampleSize);
      for (const c of MEASURE_CONTEXTS) {
        const from = before.contexts[c].decision;
        const to = after.contexts[c].decision;
        if (from === to) continue;
        const byPair = changes.get(c)!;
        const pair = `${from}>${to}`;
        if (!byPair.has(pair)) byPair.set(pair, movement());
        note(byPair.get(pair)!, ref, sampleSize);
      }
    }
  }
  return {
    at,
    currentVersion: current.version,
    candidateVersion: candidate.version,
    entities,
    lists: [...lists.values()],
    decisions: MEASURE_CONTEXTS.map((context) => {
      const byPair = [...changes.get(context)!].map(([pair, moved]) => {
        const [from, to] = pair.split('>') as [Decision, Decision];
        return { from, to, ...moved };
      });
      return { context, changed: byPair.reduce((n, p) => n + p.count, 0), changes: byPair };
    }),
  };
}

function movement(): Movement {
  return { count: 0, sample: [] };
}

function note(m: Movement, ref: string, sampleSize: number): void {
  m.count++;
  if (m.sample.length < sampleSize) m.sample.push(ref);
}

/** Lists the entity is on (pending or active) in an evaluation. */
function onLists(evaluation: EntityEvaluation): Set<string> {
  return new Set(evaluation.lists.filter((m) => m.state !== 'expired').map((m) => m.listId));
}
