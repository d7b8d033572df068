import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER, copyStatement, type Database, type Db } from '../database.js';
import * as schema from '../schema.js';

/** The embedded default: PostgreSQL in WebAssembly, persisted in `dataDir`. */
export async function openPglite(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    dialect: 'pglite',
    db,
    async transaction(work) {
      // PGlite runs one transaction at a time and queues other queries until it ends.
      return client.transaction(async (t) =>
        work({
          db: drizzle(t as unknown as PGlite, { schema }) as unknown as Db,
          async copyRows(table, columns, rows) {
            await t.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([rows]) });
          },
        }),
      );
    },
    async copyOut(select) {
      const result = await client.query(`COPY (${select}) TO '/dev/blob'`);
      return result.blob ? result.blob.text() : '';
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      await client.close();
    },
  };
}
