/**
 * The dialect seam. SQL is written once for PostgreSQL; only connecting, migrating, transactions and bulk
 * COPY differ between the embedded PGlite and a PostgreSQL server (`dialects/`).
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import path from 'node:path';
import type { DatabaseTarget } from '../config.js';
import { ROOT } from '../paths.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A Drizzle database or transaction, whichever dialect is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_FOLDER = path.join(ROOT, 'src', 'store', 'migrations');

/** A transaction: Drizzle for queries, plus COPY … FROM STDIN for bulk loads. */
export interface Tx {
  db: Db;
  /**
   * Streams rows in PostgreSQL's COPY text format into `table (columns)`.
   * @param rows Already encoded with `encodeCopyRow`.
   */
  copyRows(table: string, columns: readonly string[], rows: string): Promise<void>;
}

export interface Database {
  readonly dialect: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs `work` in one transaction: all of it commits or none of it does. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * The rows of `select` in PostgreSQL's COPY text format (read them with `decodeCopyRows`): for reading
   * a whole table, several times faster than rows through the query protocol, PGlite's above all.
   */
  copyOut(select: string): Promise<string>;
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens (creating and migrating on first use) the database the configuration names. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    const { openPglite } = await import('./dialects/pglite.js');
    return openPglite(target.dataDir);
  }
  const { openPostgres } = await import('./dialects/postgres.js');
  return openPostgres(target.url);
}

/** Rows of a raw query, the same on both dialects. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The rows of `select` as the database aggregates them into one JSON value, for reads of thousands of rows:
 * PGlite copies every field of every row out of its memory one by one, which costs several times what the query
 * does. Values arrive as JSON has them: numbers (bigints too, exact below 2^53), booleans, strings (dates and
 * timestamps), objects for jsonb. The rows come in no particular order: sort them where order matters.
 */
export async function queryJsonRows<T>(db: Db, select: SQL): Promise<T[]> {
  const [result] = await queryRows<{ rows: string }>(db, sql`select coalesce(json_agg(q), '[]')::text as rows from (${select}) as q`);
  return JSON.parse(result!.rows) as T[];
}

/**
 * Where the database's history stands: its cluster's identity and the next transaction id, and whether any
 * transaction is in progress. Every transaction that writes anything takes a transaction id, so two equal
 * `position`s of one database, with nothing in progress at the first, mean nothing was written in between (what
 * index snapshots rely on, `IndexSnapshots`).
 */
export async function writePosition(db: Db): Promise<{ position: string; quiet: boolean }> {
  const [row] = await queryRows<{ system: string; xmax: string; xip: string | null }>(
    db,
    sql`select (select system_identifier from pg_control_system())::text as system, pg_snapshot_xmax(pg_current_snapshot())::text as xmax,
          (select string_agg(x::text, ',') from pg_snapshot_xip(pg_current_snapshot()) as x) as xip`,
  );
  return { position: `${row!.system}:${row!.xmax}`, quiet: row!.xip === null };
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const NEEDS_ESCAPE = /[\\\n\r\t]/;
const ESCAPED = /[\\\n\r\t]/g;

/** One row in COPY text format; `null` and `undefined` become `\N`, objects become JSON. */
export function encodeCopyRow(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += '\t';
    if (value === null || value === undefined) {
      line += '\\N';
      continue;
    }
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    // Most values need no escape; testing first costs a third of replacing (a feed page's records, bench/replicate.ts).
    line += NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (c) => COPY_ESCAPES[c]!) : text;
  }
  return line + '\n';
}

const COPY_UNESCAPES: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v' };

/**
 * The rows of COPY text-format output (`Database.copyOut`): fields split at tabs, `\N` read as `null`,
 * backslash escapes undone.
 *
 * @example decodeCopyRows('a\tb\\tc\n\\N\tx\n') // [['a', 'b\tc'], [null, 'x']]
 */
export function decodeCopyRows(text: string): (string | null)[][] {
  const lines = text.split('\n');
  lines.pop(); // every row ends with a newline: what follows the last is not a row
  const rows: (string | null)[][] = [];
  for (const line of lines) {
    rows.push(line.split('\t').map((field) => (field === '\\N' ? null : field.includes('\\') ? field.replace(/\\(.)/g, (_m, c: string) => COPY_UNESCAPES[c] ?? c) : field)));
  }
  return rows;
}

/**
 * `text` as an SQL string literal, for the statements that take no parameters (COPY). With
 * `standard_conforming_strings` (on by default since PostgreSQL 9.1, and in PGlite) only the quote is doubled.
 */
export function sqlLiteral(text: string): string {
  if (text.includes('\0')) throw new Error('an SQL string literal cannot hold NUL');
  return `'${text.replaceAll("'", "''")}'`;
}

export function copyStatement(table: string, columns: readonly string[], source: 'STDIN' | "'/dev/blob'"): string {
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
}
