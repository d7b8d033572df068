import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseName } from './analyse.js';
import { evaluateSearch, type LabelledQuery } from './evaluate.js';
import { buildNameIndex, searchNames, type SearchableEntity } from './name-index.js';
import { scoreName } from './similarity.js';

const fixture = (file: string) =>
  readFileSync(new URL(`../../../test/fixtures/search/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);

const corpus = fixture('corpus.ndjson') as SearchableEntity[];
const queries = fixture('queries.ndjson') as LabelledQuery[];

describe('evaluation set (test/fixtures/search)', () => {
  const index = buildNameIndex(corpus);
  const report = evaluateSearch(index, queries);

  it('is big enough and covers every kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1500);
    expect(queries.length).toBeGreaterThanOrEqual(400);
    expect(Object.keys(report.byKind).sort()).toEqual(
      ['abbreviation', 'bracket', 'branch', 'en-suffix', 'hk-rule', 'hk-variant', 'identifier', 'no-match',
        'pt-accent', 'region', 'simplified', 'traditional', 'typo', 'width'].sort(),
    );
  });

  it('ranks the right entity first and asserts matches precisely', () => {
    const rows = Object.entries(report.byKind).map(([kind, f]) => ({
      kind, n: f.queries, 'p@1': f.precisionAt1.toFixed(3), 'r@5': f.recallAt5.toFixed(3), 'r@10': f.recallAt10.toFixed(3), mrr: f.mrr.toFixed(3),
      'match precision': f.matchPrecision.toFixed(3),
    }));
    console.table(rows);
    if (report.failures.length > 0) console.log(report.failures);
    expect(report.overall.precisionAt1).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.recallAt5).toBeGreaterThanOrEqual(0.99);
    expect(report.overall.recallAt10).toBeGreaterThanOrEqual(0.99);
    expect(report.overall.matchPrecision).toBeGreaterThanOrEqual(0.98);
    for (const figures of Object.values(report.byKind)) expect(figures.precisionAt1).toBeGreaterThanOrEqual(0.9);
  });

  it('explains each hit', () => {
    const [hit] = searchNames(index, '騰訊科技（深圳）', 5);
    expect(hit?.explanation.length).toBeGreaterThan(0);
    expect(searchNames(index, 'ｚｚｚｚｑｑｑｑ', 5)).toEqual([]);
  });
});

describe('speed', () => {
  it('analyses 100,000 names in a few seconds and scores a candidate in microseconds', () => {
    const names = corpus.flatMap((e) => e.names.map((n) => n.value));
    analyseName('騰訊'); // build the OpenCC converter outside the timing
    const started = performance.now();
    const analysed = Array.from({ length: 100_000 }, (_v, i) => analyseName(`${names[i % names.length] ?? ''}${i % 7 === 0 ? '' : ' '}`));
    const analyseMs = performance.now() - started;

    const query = analyseName('Golden Dragn Trading Ltd');
    const zhQuery = analyseName('腾讯科技（深圳）有限公司');
    const scoreStarted = performance.now();
    let total = 0;
    for (const candidate of analysed) total += scoreName(candidate.script === 'cjk' ? zhQuery : query, candidate).score;
    const scoreMs = performance.now() - scoreStarted;
    console.log(`analyse 100k names: ${analyseMs.toFixed(0)} ms; score 100k pairs: ${scoreMs.toFixed(0)} ms (${((scoreMs * 1000) / 100_000).toFixed(2)} µs/pair)`);
    expect(total).toBeGreaterThan(0);
    expect(analyseMs).toBeLessThan(10_000);
    expect(scoreMs).toBeLessThan(2_000);
  });
});
