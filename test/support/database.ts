/**
 * A fresh, empty database for one test file, on the tier the project runs (TEST_DB=pglite|postgres), or a
 * copy of one a test prepared.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseTarget } from '../../src/config.js';

export type Tier = 'pglite' | 'postgres';

export function testTier(): Tier {
  const tier = process.env.TEST_DB ?? 'pglite';
  if (tier !== 'pglite' && tier !== 'postgres') throw new Error(`TEST_DB must be pglite or postgres, not ${tier}`);
  return tier;
}

export interface TestDatabase {
  target: DatabaseTarget;
  /** `--db` value for the CLI. */
  flag: string;
  drop(): Promise<void>;
}

/** @param copyOf a database to copy, which nothing may have open. */
export async function createTestDatabase(copyOf?: TestDatabase): Promise<TestDatabase> {
  if (testTier() === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-pglite-'));
    if (copyOf?.target.kind === 'pglite') cpSync(copyOf.target.dataDir, dir, { recursive: true });
    return { target: { kind: 'pglite', dataDir: dir }, flag: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = inject('postgresUrl');
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const template = copyOf?.target.kind === 'postgres' ? ` template ${new URL(copyOf.target.url).pathname.slice(1)}` : '';
  await withAdmin(admin, async (c) => {
    // A template's last sessions may still be ending just after its pool closed (55006 object_in_use).
    for (let attempt = 1; ; attempt++) {
      try {
        return await c.query(`create database ${name}${template}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt === 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    flag: url.toString(),
    drop: () => withAdmin(admin, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
