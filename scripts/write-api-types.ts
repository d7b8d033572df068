/**
 * Writes the web app's API types, web/src/api-schema.ts, from docs/openapi.json with openapi-typescript
 * (committed; test/integration/http.test.ts checks it is current). `npm run openapi` runs it after writing
 * the document, so the two stay in step.
 * Run: npm run api-types
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { OPENAPI_FILE } from './write-openapi.js';

export const API_TYPES_FILE = path.join(import.meta.dirname, '..', 'web', 'src', 'api-schema.ts');

const HEADER = `/**
 * Generated from docs/openapi.json by openapi-typescript (scripts/write-api-types.ts): do not edit.
 * Regenerate with \`npm run api-types\` (\`npm run openapi\` does it too); test/integration/http.test.ts checks it is current.
 */
`;

/** The TypeScript declarations of `document` (paths, components['schemas'], operations), with the header. */
export async function apiTypes(document: unknown): Promise<string> {
  return HEADER + astToString(await openapiTS(document as OpenAPI3));
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(API_TYPES_FILE, await apiTypes(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'))));
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
}
