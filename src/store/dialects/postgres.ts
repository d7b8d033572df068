import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_FOLDER, copyStatement, type Database, type Db } from '../database.js';
import * as schema from '../schema.js';

const INT8_OID = 20;
/** The advisory lock processes take to migrate one at a time ("creden" in ASCII; the periodic jobs' lead uses another key). */
const MIGRATION_LOCK = 0x6372_6564_656e;

/** A PostgreSQL server (15 or later) at `url`, through a connection pool. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A server that does not answer (gone from the network) fails the request after this, rather than never.
    connectionTimeoutMillis: 10_000,
    // Ids and counts are bigint; within 2^53 they are numbers, as PGlite returns them.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema }) as unknown as Db;
  await migrateAlone(pool);
  return {
    dialect: 'postgres',
    db,
    async transaction(work) {
      const client = await pool.connect();
      // A connection lost mid-transaction is also reported on the client, where the pool does not listen while
      // the client is lent out: unheard, that 'error' would end the process. The broken client is then dropped.
      let lost: Error | undefined;
      const onLost = (error: Error) => (lost = error);
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        const result = await work({
          db: drizzle(client, { schema }) as unknown as Db,
          async copyRows(table, columns, rows) {
            await pipeline(Readable.from([rows]), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.removeListener('error', onLost);
        client.release(lost);
      }
    },
    async copyOut(select) {
      const client = await pool.connect();
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of client.query(copyTo(`COPY (${select}) TO STDOUT`))) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Applies pending migrations under an advisory lock, so that processes started together against a new database
 * (several `credence serve`, an import beside them) migrate it once, one after another, not all at the same time.
 * The lock is a transaction's: taken in a transaction begun here, which the migrator's own `begin` joins and its
 * `commit` (or `rollback`) ends, so it holds through a pooler in transaction mode too.
 */
async function migrateAlone(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
