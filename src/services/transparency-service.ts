/**
 * The transparency dashboard's figures (issue 7 §6): month by month over the last two years, list entries
 * and exits, objections filed, upheld and rejected with the median time to decision, credit repair
 * applications, and checks answered per context and decision. Aggregates only: no entity, case or key is
 * named, so the figures are public.
 *
 * List entries and exits are what the active pack makes of the register today: per entity and list, the
 * entry `evaluateEntity` reports (the current one, else the next pending, else the last expired) counts in
 * the month it took effect, and its end in the month it ended. Evaluating the register is costly, so the
 * entries are kept in memory for entities that have any (few), built on first use and updated from the
 * change feed like the check index; they are rebuilt when the pack or the day changes.
 */
import { fromDay } from '../domain/policy/dates.js';
import { evaluateEntity } from '../domain/policy/evaluate.js';
import type { EvaluationInput } from '../domain/policy/model.js';
import { DECISIONS, MEASURE_CONTEXTS, type Decision, type ListKind, type MeasureContext } from '../domain/policy/vocabulary.js';
import type { NodeId } from '../domain/taxonomy.js';
import type { Database } from '../store/database.js';
import { loadEvaluationInputs, readEvaluationPages } from '../store/evaluation-repository.js';
import { caseMonths, checkCountsByMonth, type CaseMonth } from '../store/transparency-repository.js';
import { inTurns, type EntityChanges } from './changes.js';
import type { CheckService } from './check-service.js';
import type { PolicyService } from './policy-service.js';

/** Months the dashboard covers, the current one included. */
export const TRANSPARENCY_MONTHS = 24;
/** Entities re-evaluated per query when a change is published. */
const CHANGE_CHUNK = 5_000;

/** A series: one value per month of `TransparencyReport.months`. */
type Series = number[];

export interface TransparencyReport {
  node: NodeId;
  /** The GBA date the figures are as of. */
  asOf: string;
  policyVersion: string;
  /** `YYYY-MM`, oldest first, ending with the current month. */
  months: string[];
  lists: { list: string; kind: ListKind; name: { zh: string; en: string; pt?: string | undefined }; current: number; entered: Series; exited: Series }[];
  objections: { filed: Series; upheld: Series; rejected: Series; medianDaysToDecision: (number | null)[] };
  repairs: { filed: Series; granted: Series; refused: Series; medianDaysToDecision: (number | null)[] };
  checks: { context: MeasureContext; decisions: Record<Decision, Series> }[];
}

/** One entry of one list, as first and last day in effect (`end` exclusive, absent while open-ended). */
interface Entry {
  list: string;
  start: string;
  end: string | undefined;
}

interface EntryCache {
  version: string;
  day: number;
  /** Entity id → its list entries; entities without any are absent. */
  entries: Map<string, Entry[]>;
}

export class TransparencyService {
  private cache: Promise<EntryCache> | undefined;

  constructor(
    private readonly deps: {
      database: Database;
      node: NodeId;
      policy: Pick<PolicyService, 'pack' | 'today'>;
      checks: Pick<CheckService, 'flushCounts'>;
    },
  ) {}

  async report(): Promise<TransparencyReport> {
    const { database, node, policy, checks } = this.deps;
    const today = fromDay(policy.today());
    const months = monthsEndingIn(today.slice(0, 7), TRANSPARENCY_MONTHS);
    const from = `${months[0]}-01`;
    // The window opens at GBA midnight of its first day: 16:00 UTC the day before.
    const fromInstant = new Date(Date.parse(`${from}T00:00:00+08:00`)).toISOString();
    await checks.flushCounts();
    const [entries, objections, repairs, checked] = await Promise.all([
      this.entries(),
      caseMonths(database.db, 'objections', fromInstant),
      caseMonths(database.db, 'repairs', fromInstant),
      checkCountsByMonth(database.db, from),
    ]);
    const slot = new Map(months.map((m, i) => [m, i]));
    const zeros = () => months.map(() => 0);

    const lists = policy.pack.lists.map((l) => ({ list: l.source.id, kind: l.source.kind, name: l.source.name, current: 0, entered: zeros(), exited: zeros() }));
    const byId = new Map(lists.map((l) => [l.list, l]));
    for (const forEntity of entries.entries.values()) {
      for (const e of forEntity) {
        const row = byId.get(e.list);
        if (row === undefined) continue; // a pack activated while the entries were read: the next report rebuilds them
        if (e.start <= today && (e.end === undefined || e.end > today)) row.current++;
        if (e.start <= today) bump(row.entered, slot, e.start);
        if (e.end !== undefined && e.end <= today) bump(row.exited, slot, e.end);
      }
    }

    const checkSeries = MEASURE_CONTEXTS.map((context) => ({ context, decisions: Object.fromEntries(DECISIONS.map((d) => [d, zeros()])) as Record<Decision, Series> }));
    const byContext = new Map(checkSeries.map((c) => [c.context as string, c]));
    for (const r of checked) {
      const i = slot.get(r.month);
      const series = byContext.get(r.context)?.decisions[r.decision as Decision];
      if (i !== undefined && series) series[i]! += r.count;
    }

    return {
      node,
      asOf: today,
      policyVersion: policy.pack.version,
      months,
      lists,
      objections: caseSeries(objections, months, 'upheld', 'rejected', (filed, upheld, rejected, medianDaysToDecision) => ({ filed, upheld, rejected, medianDaysToDecision })),
      repairs: caseSeries(repairs, months, 'granted', 'refused', (filed, granted, refused, medianDaysToDecision) => ({ filed, granted, refused, medianDaysToDecision })),
      checks: checkSeries,
    };
  }

  /** Re-evaluates the list entries of entities a change touched (a `ChangeListener`); nothing before first use. */
  readonly onEntitiesChanged = async ({ register, records }: EntityChanges): Promise<void> => {
    const cache = await this.cache?.catch(() => undefined);
    if (!cache) return;
    const ids = [...new Set([...register, ...records])];
    const at = fromDay(cache.day);
    for (let i = 0; i < ids.length; i += CHANGE_CHUNK) {
      const chunk = ids.slice(i, i + CHANGE_CHUNK);
      const inputs = await loadEvaluationInputs(this.deps.database.db, chunk);
      const found = new Set(inputs.map((input) => input.entity.id));
      for (const id of chunk) if (!found.has(id)) cache.entries.delete(id);
      await inTurns(inputs, (slice) => slice.forEach((input) => this.keep(cache, input, at)));
    }
  };

  /** Drops the list entries kept in memory (changes may have gone unheard); the next report evaluates afresh. */
  readonly forget = async (): Promise<void> => {
    this.cache = undefined;
  };

  /** The list entries of the register under the active pack today: kept while pack and day stay the same. */
  private async entries(): Promise<EntryCache> {
    const { policy } = this.deps;
    const day = policy.today();
    const current = await this.cache?.catch(() => undefined);
    if (current?.version === policy.pack.version && current.day === day) return current;
    this.cache = this.build(day).catch((error: unknown) => {
      this.cache = undefined;
      throw error;
    });
    return this.cache;
  }

  private async build(day: number): Promise<EntryCache> {
    const cache: EntryCache = { version: this.deps.policy.pack.version, day, entries: new Map() };
    const at = fromDay(day);
    for await (const page of readEvaluationPages(this.deps.database.db)) for (const input of page) this.keep(cache, input, at);
    return cache;
  }

  /** Keeps (or drops) the list entries of one entity as evaluated now. */
  private keep(cache: EntryCache, input: EvaluationInput, at: string): void {
    const lists = input.records.length === 0 ? [] : evaluateEntity(this.deps.policy.pack, input.entity, input.records, at).lists;
    if (lists.length > 0) cache.entries.set(input.entity.id, lists.map((m) => ({ list: m.listId, start: m.start, end: m.end })));
    else cache.entries.delete(input.entity.id);
  }
}

/** The `count` months ending with `last` (`YYYY-MM`), oldest first. */
export function monthsEndingIn(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

function bump(series: Series, slot: ReadonlyMap<string, number>, date: string): void {
  const i = slot.get(date.slice(0, 7));
  if (i !== undefined) series[i]!++;
}

/** Case months as aligned series: filed, decided with `positive` and `negative` outcomes, median days (one decimal). */
function caseSeries<T>(
  rows: readonly CaseMonth[],
  months: readonly string[],
  positive: string,
  negative: string,
  shape: (filed: Series, positive: Series, negative: Series, median: (number | null)[]) => T,
): T {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const at = (m: string) => byMonth.get(m);
  return shape(
    months.map((m) => at(m)?.filed ?? 0),
    months.map((m) => at(m)?.decided[positive] ?? 0),
    months.map((m) => at(m)?.decided[negative] ?? 0),
    months.map((m) => {
      const median = at(m)?.medianDaysToDecision;
      return median === undefined || median === null ? null : Math.round(median * 10) / 10;
    }),
  );
}
