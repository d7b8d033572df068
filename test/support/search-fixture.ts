/**
 * The search evaluation set (test/fixtures/search) as the real import path sees it: the corpus written as
 * interchange entity lines, and its fixture ids (`gd-00001`) mapped to the ids the register derives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../../src/app.js';
import type { LabelledQuery, SearchableEntity } from '../../src/domain/names/index.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'search');

function readNdjson<T>(file: string): T[] {
  return readFileSync(path.join(DIR, file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
}

export const searchCorpus = (): SearchableEntity[] => readNdjson<SearchableEntity>('corpus.ndjson');
export const searchQueries = (): LabelledQuery[] => readNdjson<LabelledQuery>('queries.ndjson');

/** Writes `entities` to `file` as NDJSON entity lines (status active). */
export function writeEntityLines(file: string, entities: readonly SearchableEntity[]): void {
  const lines = entities.map((e) =>
    JSON.stringify({ type: 'entity', jurisdiction: e.jurisdiction, identifiers: e.identifiers, names: e.names, status: 'active' }),
  );
  writeFileSync(file, lines.join('\n') + '\n');
}

/** Fixture id → register id, by each fixture entity's first identifier. */
export async function registerIds(app: App, entities: readonly SearchableEntity[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const e of entities) {
    const first = e.identifiers[0]!;
    ids.set(e.id, await app.entities.resolve(`${first.scheme}:${first.value}`));
  }
  return ids;
}
