import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from './load-pack.js';
import { PolicyPackError } from './pack-error.js';
import { testPackFiles } from './test-pack.js';
import { validatePack } from './validate-pack.js';

type Files = Record<string, any>;
type BadPackRow = [label: string, breakIt: (f: Files) => void, file: string, path: string, message: string | RegExp];

const badPacks: BadPackRow[] = [
  // SPEC §1.3: legal basis and effective dates everywhere.
  ['measure without legal basis', (f) => delete f['measures.yaml'].measures[3].legalBasis, 'measures.yaml', 'measures[3].legalBasis', 'legalBasis (at least one {instrument, article} citation) is required'],
  ['measure with empty legal basis', (f) => (f['measures.yaml'].measures[0].legalBasis = []), 'measures.yaml', 'measures[0].legalBasis', 'at least one'],
  ['citation without article', (f) => delete f['measures.yaml'].measures[0].legalBasis[0].article, 'measures.yaml', 'measures[0].legalBasis[0].article', 'required field is missing'],
  ['list without legal basis', (f) => delete f['lists.yaml'].lists[1].legalBasis, 'lists.yaml', 'lists[1].legalBasis', 'is required'],
  ['rating scheme without legal basis', (f) => delete f['rating-schemes.yaml'].ratingSchemes[0].legalBasis, 'rating-schemes.yaml', 'ratingSchemes[0].legalBasis', 'is required'],
  ['recognition rule without legal basis', (f) => delete f['recognition.yaml'].recognition[0].legalBasis, 'recognition.yaml', 'recognition[0].legalBasis', 'is required'],
  ['regime without legal basis', (f) => delete f['publication.yaml'].regimes[1].legalBasis, 'publication.yaml', 'regimes[1].legalBasis', 'is required'],
  ['measure without effective dates', (f) => delete f['measures.yaml'].measures[2].effective, 'measures.yaml', 'measures[2].effective', 'effective ({from, to?} dates) is required'],
  ['list without effective dates', (f) => delete f['lists.yaml'].lists[0].effective, 'lists.yaml', 'lists[0].effective', 'is required'],
  ['rating scheme without effective dates', (f) => delete f['rating-schemes.yaml'].ratingSchemes[1].effective, 'rating-schemes.yaml', 'ratingSchemes[1].effective', 'is required'],
  ['recognition rule without effective dates', (f) => delete f['recognition.yaml'].recognition[0].effective, 'recognition.yaml', 'recognition[0].effective', 'is required'],
  ['effective without from', (f) => delete f['measures.yaml'].measures[0].effective.from, 'measures.yaml', 'measures[0].effective.from', 'required field is missing'],
  ['effective ends before it starts', (f) => (f['measures.yaml'].measures[0].effective.to = '2019-12-31'), 'measures.yaml', 'measures[0].effective.to', 'must not be before'],
  ['impossible date', (f) => (f['lists.yaml'].lists[0].effective.from = '2026-02-30'), 'lists.yaml', 'lists[0].effective.from', 'calendar date'],
  // References between files.
  ['trigger names an undefined list', (f) => (f['measures.yaml'].measures[1].trigger = { list: 'nope' }), 'measures.yaml', 'measures[1].trigger.list', 'list "nope" is not defined in lists.yaml'],
  ['trigger names an undefined rating scheme', (f) => (f['measures.yaml'].measures[1].trigger = { rating: { scheme: 'nope', grades: ['A'] } }), 'measures.yaml', 'measures[1].trigger.rating.scheme', 'rating scheme "nope" is not defined'],
  ['trigger names an undefined grade', (f) => (f['measures.yaml'].measures[1].trigger = { rating: { scheme: 'cn-tax', grades: ['A', 'Z'] } }), 'measures.yaml', 'measures[1].trigger.rating.grades[1]', 'grade "Z" is not a grade of rating scheme "cn-tax"'],
  ['trigger names an undefined recognition rule', (f) => (f['measures.yaml'].measures[5].trigger = { recognised: 'nope' }), 'measures.yaml', 'measures[5].trigger.recognised', 'recognition rule "nope" is not defined'],
  ['recognised trigger outside the rule\'s contexts', (f) => (f['measures.yaml'].measures[5].context = 'inspection'), 'measures.yaml', 'measures[5].trigger.recognised', 'does not cover context "inspection"'],
  ['list entry names an undefined grade', (f) => (f['lists.yaml'].lists[2].entry.anyOf[0].rating.grades = ['AAA']), 'lists.yaml', 'lists[2].entry.anyOf[0].rating.grades[0]', 'grade "AAA"'],
  ['recognition names an unknown local scheme', (f) => (f['recognition.yaml'].recognition[0].local.scheme = 'cn-aeo'), 'recognition.yaml', 'recognition[0].local.scheme', 'rating scheme "cn-aeo", which is not defined'],
  ['recognition names an unknown local grade', (f) => (f['recognition.yaml'].recognition[0].local.grade = 'gold'), 'recognition.yaml', 'recognition[0].local.grade', 'grade "gold"'],
  ['recognition of the node\'s own status', (f) => (f['recognition.yaml'].recognition[0].foreign.node = 'gd'), 'recognition.yaml', 'recognition[0].foreign.node', "this pack's own node"],
  ['duplicate measure id', (f) => (f['measures.yaml'].measures[1].id = 'no-honours'), 'measures.yaml', 'measures[1].id', 'duplicate id "no-honours"'],
  ['duplicate list id', (f) => (f['lists.yaml'].lists[2].id = 'serious'), 'lists.yaml', 'lists[2].id', 'duplicate id "serious"'],
  ['duplicate grade id', (f) => (f['rating-schemes.yaml'].ratingSchemes[0].grades[1].id = 'A'), 'rating-schemes.yaml', 'ratingSchemes[0].grades[1].id', 'duplicate id "A"'],
  ['overlapping regimes', (f) => (f['publication.yaml'].regimes[1].effective.from = '2025-12-31'), 'publication.yaml', 'regimes[1].effective', 'overlaps regime "old"'],
  // Closed vocabulary: unknown fields and values outside the taxonomy.
  ['unknown field in a measure', (f) => (f['measures.yaml'].measures[0].colour = 'red'), 'measures.yaml', 'measures[0]', 'unknown field(s) "colour"'],
  ['free-text condition (hard line: no speech, opinion …)', (f) => (f['lists.yaml'].lists[0].entry.anyOf[0].record.summaryContains = 'protest'), 'lists.yaml', 'lists[0].entry.anyOf[0].record', 'unknown field(s) "summaryContains"'],
  ['category outside the taxonomy', (f) => (f['lists.yaml'].lists[0].entry.anyOf[0].record.category = ['online-speech']), 'lists.yaml', 'lists[0].entry.anyOf[0].record.category[0]', /Invalid option: expected one of "penalty"/],
  ['domain outside the taxonomy', (f) => (f['lists.yaml'].lists[0].entry.anyOf[0].record.domain = ['religion']), 'lists.yaml', 'lists[0].entry.anyOf[0].record.domain[0]', 'Invalid option'],
  ['context outside the vocabulary', (f) => (f['measures.yaml'].measures[0].context = 'travel'), 'measures.yaml', 'measures[0].context', 'Invalid option'],
  ['reward that denies', (f) => (f['measures.yaml'].measures[4].effect = 'deny'), 'measures.yaml', 'measures[4].effect', 'effect does not fit the kind'],
  ['HK-only context in a gd pack', (f) => (f['measures.yaml'].measures[0].context = 'public-works-tendering'), 'measures.yaml', 'measures[0].context', 'exists only in the hk pack'],
  ['entry rule with both record and rating', (f) => (f['lists.yaml'].lists[2].entry.anyOf[0].record = { category: ['penalty'] }), 'lists.yaml', 'lists[2].entry.anyOf[0]', 'exactly one of record or rating'],
  ['count on a rating rule', (f) => (f['lists.yaml'].lists[2].entry.anyOf[0].count = { atLeast: 2, withinDays: 30 }), 'lists.yaml', 'lists[2].entry.anyOf[0].count', 'count applies to record conditions only'],
  ['empty record condition', (f) => (f['lists.yaml'].lists[0].entry.anyOf[0].record = {}), 'lists.yaml', 'lists[0].entry.anyOf[0].record', 'at least one facet'],
  ['bad duration', (f) => (f['lists.yaml'].lists[0].duration = 'forever'), 'lists.yaml', 'lists[0].duration', 'duration must be "while-cause"'],
  ['zero duration', (f) => (f['lists.yaml'].lists[0].duration = { fixed: {} }), 'lists.yaml', 'lists[0].duration.fixed', 'greater than 0'],
  ['unverified marker naming no field', (f) => (f['lists.yaml'].lists[0].unverified = [{ field: 'period', note: 'x' }]), 'lists.yaml', 'lists[0].unverified[0].field', '"period" is not a field'],
  ['holiday listed under the wrong year', (f) => (f['calendar.yaml'].calendar.years['2026'].holidays = ['2025-12-25']), 'calendar.yaml', 'calendar.years.2026.holidays[0]', 'is not in 2026'],
  ['unknown file', (f) => (f['extras.yaml'] = {}), 'extras.yaml', '', 'unknown pack file'],
  ['missing pack.yaml', (f) => delete f['pack.yaml'], 'pack.yaml', '', 'missing'],
  ['section given twice', (f) => (f['lists.json'] = { lists: [] }), 'lists.yaml', '', 'already given'],
];

describe('validatePack rejects bad packs with file, path and problem', () => {
  it('accepts the valid test pack', () => {
    expect(validatePack(testPackFiles()).manifest.node).toBe('gd');
  });

  it.each(badPacks)('%s', (_label, breakIt, file, path, message) => {
    const files = testPackFiles();
    breakIt(files);
    let error: unknown;
    try {
      validatePack(files);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyPackError);
    const issues = (error as PolicyPackError).issues;
    const issue = issues.find((i) => (i.file === file || file === 'lists.yaml' && i.file === 'lists.json') && i.path === path);
    expect(issue, `issues were: ${JSON.stringify(issues)}`).toBeDefined();
    expect(issue!.message).toMatch(message instanceof RegExp ? message : new RegExp(escape(message)));
    // The message of the error itself names file, path and problem on one line.
    expect((error as PolicyPackError).message).toContain(`${issue!.file}${path ? ` ${path}` : ''}: ${issue!.message}`);
  });

  it('reports every issue at once, not only the first', () => {
    const files = testPackFiles();
    delete files['measures.yaml'].measures[0].legalBasis;
    delete files['lists.yaml'].lists[0].effective;
    expect(() => validatePack(files)).toThrowError(/2 issue\(s\)[\s\S]*lists\.yaml lists\[0\]\.effective[\s\S]*measures\.yaml measures\[0\]\.legalBasis/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('loadPack', () => {
  it.each(['gd', 'hk', 'mo'])('loads the %s demo pack', async (node) => {
    const pack = await loadPack(join(import.meta.dirname, '../../policies', node));
    expect(pack.manifest.node).toBe(node);
  });

  it('refuses unparseable YAML naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pack-'));
    try {
      await writeFile(join(dir, 'pack.yaml'), 'node: gd\nversion: "1"\neffective: { from: 2026-01-01 }\ndescription: x\n');
      await writeFile(join(dir, 'measures.yaml'), 'measures: [\n  { id: x, name: { en: a: b } }\n');
      await writeFile(join(dir, 'README.md'), 'ignored');
      await expect(loadPack(dir)).rejects.toThrowError(/measures\.yaml: cannot be parsed/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('refuses an invalid pack on disk naming file and path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pack-'));
    try {
      await writeFile(join(dir, 'pack.yaml'), 'node: gd\nversion: "1"\neffective: { from: 2026-01-01 }\ndescription: x\n');
      await writeFile(join(dir, 'measures.yaml'), 'measures:\n  - { id: m, kind: reward, name: { zh: a, en: a }, context: inspection, effect: priority, trigger: { list: gone }, authority: gd-samr, effective: { from: 2026-01-01 } }\n');
      await expect(loadPack(dir)).rejects.toThrowError(/measures\.yaml measures\[0\]\.legalBasis: legalBasis .* is required/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
