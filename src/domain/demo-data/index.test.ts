import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTIFIER_RULES } from '../identifiers/index.js';
import { interchangeSchemas, type EntityLineInput, type RecordLineInput } from '../interchange.js';
import { NODE_IDS, type NodeId } from '../taxonomy.js';
import { generateDemoData } from './index.js';
import { Spread } from './random.js';

const today = '2026-05-15';
const schemas = interchangeSchemas({ identifierRules: DEFAULT_IDENTIFIER_RULES, today });

function take<T>(lines: Iterable<T>, count: number): T[] {
  const out: T[] = [];
  for (const line of lines) {
    if (out.length === count) break;
    out.push(line);
  }
  return out;
}

const serialise = (node: NodeId, seed: number) =>
  [...generateDemoData({ node, entities: 300, seed, today })].map((line) => JSON.stringify(line)).join('\n');

describe('generateDemoData determinism', () => {
  it.each(NODE_IDS)('%s: the same options give byte-identical lines, another seed different ones', (node) => {
    const first = serialise(node, 42);
    expect(serialise(node, 42)).toBe(first);
    expect(serialise(node, 43)).not.toBe(first);
  });

  it('gives different nodes unrelated data for the same seed', () => {
    const [gd] = take(generateDemoData({ node: 'gd', entities: 1, seed: 1, today }), 1);
    const [hk] = take(generateDemoData({ node: 'hk', entities: 1, seed: 1, today }), 1);
    expect(gd).toMatchObject({ jurisdiction: 'GD' });
    expect(hk).toMatchObject({ jurisdiction: 'HK' });
  });
});

/** Everything one pass over a node's lines checks, so each data set is generated and validated once. */
function survey(node: NodeId, entities: number) {
  const invalid: string[] = [];
  const warnings: string[] = [];
  const sourceIds = new Set<string>();
  const primaryIds = new Set<string>();
  const recordsPerEntity: number[] = [];
  const severityMismatches: RecordLineInput[] = [];
  const danglingBranches: EntityLineInput[] = [];
  const misplacedRecords: RecordLineInput[] = [];
  const categories = new Map<string, number>();
  let currentRef = '';
  for (const line of generateDemoData({ node, entities, seed: 2026, today })) {
    const parsed = schemas.line.safeParse(line);
    if (!parsed.success) invalid.push(`${JSON.stringify(line)}: ${parsed.error.message}`);
    if (line.type === 'entity') {
      const primary = line.identifiers[0] as { scheme: string; value: string };
      currentRef = `${primary.scheme}:${primary.value}`;
      if (primaryIds.has(currentRef)) invalid.push(`duplicate ${currentRef}`);
      for (const relation of line.relations ?? []) {
        if (!primaryIds.has(relation.target)) danglingBranches.push(line);
      }
      primaryIds.add(currentRef);
      recordsPerEntity.push(0);
      if (parsed.success && parsed.data.type === 'entity') {
        for (const identifier of parsed.data.identifiers) warnings.push(...identifier.warnings);
      }
    } else {
      recordsPerEntity[recordsPerEntity.length - 1]! += 1;
      if (line.subject !== currentRef) misplacedRecords.push(line);
      if (sourceIds.has(line.sourceId)) invalid.push(`duplicate sourceId ${line.sourceId}`);
      sourceIds.add(line.sourceId);
      categories.set(line.category, (categories.get(line.category) ?? 0) + 1);
      const kinds = line.penalty?.kinds ?? [];
      const heavy = kinds.some((k) => ['licence-revocation', 'closure', 'business-suspension', 'production-restriction'].includes(k));
      if ((heavy && line.severity !== 'serious') || (kinds.length === 1 && kinds[0] === 'warning' && line.severity !== 'minor')) {
        severityMismatches.push(line);
      }
    }
  }
  return { invalid, warnings, recordsPerEntity, severityMismatches, danglingBranches, misplacedRecords, categories, sourceIds };
}

describe.each(NODE_IDS)('generateDemoData for %s (3,000 entities)', (node) => {
  const result = survey(node, 3000);

  it('writes only lines the interchange schema accepts, with identifiers that raise no warnings', () => {
    expect(result.invalid.slice(0, 3)).toEqual([]);
    expect(result.warnings.slice(0, 3)).toEqual([]);
  });

  it('follows each entity with its own records, under unique source ids, and branches follow their parent', () => {
    expect(result.misplacedRecords.slice(0, 3)).toEqual([]);
    expect(result.danglingBranches.slice(0, 3)).toEqual([]);
    expect(result.sourceIds.size).toBeGreaterThan(0);
    for (const id of [...result.sourceIds].slice(0, 50)) expect(id).toMatch(new RegExp(`^${node.toUpperCase()}-[A-Z-]+-20\\d\\d-\\d{6}$`));
  });

  it('leaves most entities without records and gives a long tail many', () => {
    const counts = result.recordsPerEntity;
    const empty = counts.filter((n) => n === 0).length / counts.length;
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(empty).toBeGreaterThanOrEqual(0.55);
    expect(empty).toBeLessThanOrEqual(0.85);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(10);
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(1.2);
  });

  it('gives each sanction a severity that fits it', () => {
    expect(result.severityMismatches.slice(0, 3)).toEqual([]);
  });

  it('has penalties and customs accreditations', () => {
    expect(result.categories.get('penalty')).toBeGreaterThan(0);
    expect(result.categories.get('rating')).toBeGreaterThan(0);
  });
});

describe('Guangdong specifics', () => {
  const lines = take(generateDemoData({ node: 'gd', entities: 3000, seed: 7, today }), 100_000);
  const entities = lines.filter((l): l is EntityLineInput => l.type === 'entity');
  const records = lines.filter((l): l is RecordLineInput => l.type === 'record');

  it('names branches after an earlier entity and points at it', () => {
    const seen = new Map<string, string>();
    let branches = 0;
    for (const entity of entities) {
      const name = entity.names[0]!.value;
      for (const relation of entity.relations ?? []) {
        branches++;
        expect(relation.kind).toBe('branch-of');
        const parentName = seen.get(relation.target);
        expect(parentName, `${relation.target} must come before its branch`).toBeDefined();
        expect(name.startsWith(parentName!)).toBe(true);
        expect(name).toMatch(/(分公司|分行|支行)$/);
      }
      seen.set(`uscc:${entity.identifiers[0]!.value}`, name);
    }
    expect(branches).toBeGreaterThan(20);
  });

  it('mixes name styles: plain, bracketed region, English trade names', () => {
    const names = entities.map((e) => e.names[0]!.value);
    const bracketed = names.filter((n) => /（(深圳|广州|东莞|佛山|惠州|中山|珠海|江门|肇庆|广东)）/.test(n)).length / names.length;
    expect(bracketed).toBeGreaterThan(0.12);
    expect(bracketed).toBeLessThan(0.28);
    expect(entities.some((e) => e.names.some((n) => n.lang === 'en' && n.kind === 'trade'))).toBe(true);
    expect(entities.some((e) => e.identifiers.some((i) => /^AEOCN\d{10}$/.test(i.value)))).toBe(true);
  });

  it('uses both modern MA… and legacy organisation codes, matching the registration date', () => {
    for (const entity of entities) {
      const uscc = entity.identifiers[0]!.value;
      expect(uscc.slice(0, 4)).toBe('9144');
      if (uscc.slice(8, 10) === 'MA') expect(entity.registeredOn! >= '2015-10-01').toBe(true);
      else expect(entity.registeredOn! < '2015-10-01').toBe(true);
    }
  });

  it('dates decisions within about five years before today and numbers court cases in the Mainland style', () => {
    for (const record of records) {
      expect(record.decidedOn <= today).toBe(true);
      expect(record.decidedOn >= '2021-05-01').toBe(true);
      if (record.court) expect(record.court.caseNo).toMatch(/^（20\d\d）粤\d{4}执\d+号$/);
      if (record.penalty?.amount) expect(record.penalty.amount.currency).toBe('CNY');
    }
    const taxGrades = records.filter((r) => r.rating?.scheme === 'cn-tax').map((r) => r.rating!.grade);
    const share = (grade: string) => taxGrades.filter((g) => g === grade).length / taxGrades.length;
    expect(share('B')).toBeGreaterThan(share('A'));
    expect(share('B')).toBeGreaterThan(0.3);
  });
});

describe('Hong Kong and Macau names', () => {
  it('ends HK names with 有限公司 and Limited', () => {
    const entities = take(generateDemoData({ node: 'hk', entities: 500, seed: 3, today }), 5000).filter(
      (l): l is EntityLineInput => l.type === 'entity',
    );
    for (const name of entities.flatMap((e) => e.names)) {
      if (name.lang === 'zh-Hant') expect(name.value).toMatch(/有限公司$/);
      if (name.lang === 'en') expect(name.value).toMatch(/ Limited$/);
    }
    expect(entities.some((e) => e.names.some((n) => n.kind === 'former' && n.validTo))).toBe(true);
  });

  it('gives Macau Portuguese names a Commercial Code suffix', () => {
    const entities = take(generateDemoData({ node: 'mo', entities: 500, seed: 3, today }), 5000).filter(
      (l): l is EntityLineInput => l.type === 'entity',
    );
    const portuguese = entities.flatMap((e) => e.names).filter((n) => n.lang === 'pt');
    for (const name of portuguese) {
      expect(name.value).toMatch(/(Limitada|Lda\.|Sociedade Unipessoal Limitada|S\.A\.)(, Macau)?$/);
    }
    expect(portuguese.some((n) => n.value.endsWith(', Macau'))).toBe(true);
    expect(portuguese.some((n) => /[ÁáãçõÇ]/.test(n.value))).toBe(true);
  });
});

describe('laziness and options', () => {
  it('streams 200,000 lines from a huge request without materialising it', () => {
    let count = 0;
    let records = 0;
    for (const line of generateDemoData({ node: 'gd', entities: 50_000_000, seed: 1, today })) {
      if (line.type === 'record') records++;
      if (++count === 200_000) break;
    }
    expect(count).toBe(200_000);
    expect(records).toBeGreaterThan(50_000);
  });

  it.each([
    [{ entities: -1 }, /entities/],
    [{ entities: 1.5 }, /entities/],
    [{ seed: Number.NaN }, /seed/],
    [{ today: '2026-02-30' }, /today/],
  ])('rejects %o', (override, message) => {
    expect(() => generateDemoData({ node: 'gd', entities: 1, seed: 1, today, ...override })).toThrow(message);
  });

  it('writes nothing for zero entities', () => {
    expect([...generateDemoData({ node: 'mo', entities: 0, seed: 1, today })]).toEqual([]);
  });
});

describe('Spread', () => {
  it.each([9, 100, 31 ** 3, 90_000])('maps [0, %i) onto itself without repeats', (modulus) => {
    const spread = new Spread(modulus);
    const seen = new Set<number>();
    for (let i = 0; i < modulus; i++) seen.add(spread.at(i, 12345));
    expect(seen.size).toBe(modulus);
    expect(Math.max(...seen)).toBe(modulus - 1);
  });
});
