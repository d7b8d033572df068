/** Writes import lines to a fresh NDJSON file for a test. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function writeLines(lines: readonly object[], name = 'lines.ndjson'): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'credence-lines-')), name);
  writeFileSync(file, lines.map((l) => JSON.stringify(l) + '\n').join(''));
  return file;
}
