/**
 * The SQL of the transparency dashboard (issue 7 §6): monthly aggregates of objections, credit repair
 * applications and answered checks, and the write that adds the check service's in-memory counts. Nothing
 * here returns an entity, a case or a key: counts and medians only. Months are GBA calendar months
 * (`YYYY-MM`, UTC+8 without daylight saving, as `gbaDate`).
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from './database.js';
import { checkCounts } from './schema.js';

export interface CheckCountRow {
  day: string;
  context: string;
  decision: string;
  count: number;
}

/** Per month: cases filed, decided by outcome, and the median days from filing to decision of those decided. */
export interface CaseMonth {
  month: string;
  filed: number;
  /** Decided that month, by `decision.outcome` (objections: upheld, rejected; repairs: granted, refused). */
  decided: Record<string, number>;
  medianDaysToDecision: number | null;
}

/** The GBA calendar month of a `timestamptz` column. */
const gbaMonth = (column: SQL) => sql`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** Adds counts to the stored ones in one statement (rows with the same day, context and decision are summed). */
export async function addCheckCounts(db: Db, rows: readonly CheckCountRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(checkCounts)
    .values([...rows])
    .onConflictDoUpdate({ target: [checkCounts.day, checkCounts.context, checkCounts.decision], set: { count: sql`${checkCounts.count} + excluded.count` } });
}

/** Checks answered per month, context and decision, from the GBA day `fromDay` on. */
export async function checkCountsByMonth(db: Db, fromDay: string): Promise<{ month: string; context: string; decision: string; count: number }[]> {
  const rows = await queryRows<{ month: string; context: string; decision: string; count: number | string }>(
    db,
    sql`select to_char(day, 'YYYY-MM') as month, context, decision, sum(count)::double precision as count
        from check_counts where day >= ${fromDay}::date group by 1, 2, 3 order by 1, 2, 3`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/**
 * Objections (`objections`) or repair applications (`repairs`) per GBA month from `from` (an instant) on: filed
 * in the month, and decided in the month by outcome with the median time to decision.
 */
export async function caseMonths(db: Db, table: 'objections' | 'repairs', from: string): Promise<CaseMonth[]> {
  const t = sql.raw(table);
  const filed = await queryRows<{ month: string; n: number | string }>(
    db,
    sql`select ${gbaMonth(sql`filed_at`)} as month, count(*) as n from ${t} where filed_at >= ${from}::timestamptz group by 1`,
  );
  const decided = await queryRows<{ month: string; outcome: string; n: number | string }>(
    db,
    sql`select ${gbaMonth(sql`decided_at`)} as month, decision->>'outcome' as outcome, count(*) as n
        from ${t} where decided_at >= ${from}::timestamptz group by 1, 2`,
  );
  const medians = await queryRows<{ month: string; days: number | string | null }>(
    db,
    sql`select ${gbaMonth(sql`decided_at`)} as month,
          percentile_cont(0.5) within group (order by extract(epoch from decided_at - filed_at)) / 86400 as days
        from ${t} where decided_at >= ${from}::timestamptz group by 1`,
  );
  const months = new Map<string, CaseMonth>();
  const month = (m: string) => {
    let row = months.get(m);
    if (!row) months.set(m, (row = { month: m, filed: 0, decided: {}, medianDaysToDecision: null }));
    return row;
  };
  for (const r of filed) month(r.month).filed = Number(r.n);
  for (const r of decided) month(r.month).decided[r.outcome] = Number(r.n);
  for (const r of medians) month(r.month).medianDaysToDecision = r.days === null ? null : Number(r.days);
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}
