/** A Credence app on a fresh test database, with a fixed clock and silent logs. */
import { pino } from 'pino';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_NOW = new Date('2026-11-27T04:00:00Z');

export interface TestApp {
  app: App;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = {
    ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent', ...env }),
    database: database.target,
  };
  const app = await buildApp(config, { clock: () => TEST_NOW, logger: pino({ level: 'silent' }) });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
