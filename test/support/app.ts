/** A Credence app on a fresh test database, with a fixed clock and silent logs. */
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/domain/dates.js';
import { buildHttpServer } from '../../src/http/server.js';
import { MEASURE_CONTEXTS } from '../../src/domain/policy/vocabulary.js';
import type { NewKey } from '../../src/services/key-service.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_NOW = new Date('2026-11-27T04:00:00Z');

export interface TestApp {
  app: App;
  database: TestDatabase;
  close(): Promise<void>;
}

/** @param clock the app's clock, for tests that move time (expiry); default fixed at `TEST_NOW`. */
export async function createTestApp(env: Record<string, string> = {}, clock: Clock = () => TEST_NOW): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = {
    ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent', ...env }),
    database: database.target,
  };
  const app = await buildApp(config, { clock, logger: pino({ level: 'silent' }) });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Creates a key on `app` and returns the header that presents it. */
export async function bearer(app: App, key: NewKey): Promise<{ authorization: string }> {
  const created = await app.keys.create(key, 'test');
  return { authorization: `Bearer ${created.key}` };
}

/** A service key that may check every context. */
export const SERVICE_KEY: NewKey = { role: 'service', label: 'test service', contexts: [...MEASURE_CONTEXTS] };

/** A test app with `fixtures` imported and its HTTP server, for in-process `inject` tests. */
export async function createTestServer(fixtures: string[], env: Record<string, string> = {}): Promise<TestApp & { server: FastifyInstance }> {
  const t = await createTestApp(env);
  await t.app.imports.importFiles(fixtures);
  const server = await buildHttpServer(t.app);
  return {
    ...t,
    server,
    async close() {
      await server.close();
      await t.close();
    },
  };
}
