/**
 * Writes the OpenAPI document the server serves to docs/openapi.json (committed; a test checks it is current).
 * Run: npm run openapi
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { buildHttpServer } from '../src/http/server.js';

export const OPENAPI_FILE = path.join(import.meta.dirname, '..', 'docs', 'openapi.json');

export function formatOpenApi(document: unknown): string {
  return JSON.stringify(document, null, 2) + '\n';
}

if (process.argv[1] === import.meta.filename) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-openapi-'));
  const app = await buildApp({ ...loadConfig({}), database: { kind: 'pglite', dataDir: dir } }, { logger: pino({ level: 'silent' }) });
  const server = await buildHttpServer(app);
  writeFileSync(OPENAPI_FILE, formatOpenApi(server.swagger()));
  await server.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}
