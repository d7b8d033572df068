/**
 * Planner statistics kept current while bulk writes fill tables. PGlite has no autovacuum, and a PostgreSQL server's
 * comes round once a minute. With no statistics the planner estimates an equality at 0.5 % of a table's rows: a
 * look-up such as `origin_node = 'hk' and source_id = any(…)` then reads every row of the partner instead of probing
 * the unique index, once per page or batch, so that filling a table costs the square of its size. A replication
 * pull of 1,000,000 records on PGlite read 3.1 million pages of `records` that way and took 88–94 s instead of
 * 48–53 s (docs/benchmarks.md).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './database.js';

/** Per table, the columns a bulk writer's look-ups filter on. */
export type LookedUpColumns = Readonly<Record<string, readonly string[]>>;

/** A table smaller than this is left unanalyzed: reading all of it costs little. */
const ANALYZE_MIN_ROWS = 1_000;

/**
 * Analyzes the `columns` of each of their tables that holds 1,000 rows or more and has doubled since it was last
 * analyzed (or was never analyzed). Returns the tables analyzed.
 *
 * Only those columns: in a 200,000-record PGlite pull an analysis took 16–110 ms; of all the columns of the tables
 * a feed page writes, 138–658 ms. It leaves the table's count of changes since its last full analysis as it was,
 * so autovacuum still comes for the rest. `skip_locked` passes over a table that autovacuum or another writer is analyzing.
 */
export async function analyzeGrownTables(db: Db, columns: LookedUpColumns): Promise<readonly string[]> {
  const grown = await queryRows<{ name: string }>(
    db,
    sql`select s.relname as name from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = current_schema() and s.relname = any(${sql.param(Object.keys(columns))}::text[])
          and s.n_live_tup >= greatest(${ANALYZE_MIN_ROWS}, 2 * c.reltuples)`,
  );
  if (grown.length > 0) {
    const targets = grown.map(({ name }) => sql`${sql.identifier(name)} (${sql.join(columns[name]!.map((c) => sql.identifier(c)), sql`, `)})`);
    await db.execute(sql`analyze (skip_locked) ${sql.join(targets, sql`, `)}`);
  }
  return grown.map((t) => t.name);
}
