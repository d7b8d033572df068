import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDENTIFIER_RULES } from '../../domain/identifiers/index.js';
import { interchangeSchemas } from '../../domain/interchange.js';
import { firstProblem } from './problems.js';
import { csvRowToObject, formatOf, readLines, type SourceLine } from './read-lines.js';

const schemas = interchangeSchemas({ identifierRules: DEFAULT_IDENTIFIER_RULES, today: '2026-11-27' });

/** A record row in CSV form that validates, so that one extra column is the only problem. */
const RECORD_COLUMNS: [string, string][] = [
  ['type', 'record'],
  ['sourceId', 'GD-SAMR-2026-000123'],
  ['subject', 'uscc:9144030071526726XG'],
  ['category', 'penalty'],
  ['domain', 'market'],
  ['severity', 'general'],
  ['authority', 'gd-samr'],
  ['decisionNo', '粤市监罚〔2026〕123号'],
  ['decidedOn', '2026-03-01'],
  ['legalBasis.0.instrument', '中华人民共和国价格法'],
  ['legalBasis.0.article', '第四十二条'],
  ['summary', 'Misleading price labels.'],
  ['penalty.kinds', 'fine|confiscation'],
  ['penalty.amount.value', '50000'],
  ['penalty.amount.currency', 'CNY'],
];

function recordRow(extra: [string, string][] = []): Record<string, unknown> {
  const columns = [...RECORD_COLUMNS, ...extra];
  return csvRowToObject(columns.map(([h]) => h), columns.map(([, c]) => c));
}

/** Plain-object copy, so results compare with toEqual whatever their prototype. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('csvRowToObject', () => {
  it.each([
    ['flat columns', ['type', 'status'], ['entity', 'active'], { type: 'entity', status: 'active' }],
    ['dotted paths', ['penalty.amount.currency', 'rating.grade'], ['CNY', 'A'], { penalty: { amount: { currency: 'CNY' } }, rating: { grade: 'A' } }],
    [
      'array indices',
      ['identifiers.0.scheme', 'identifiers.0.value', 'identifiers.1.scheme', 'identifiers.1.value'],
      ['uscc', '9144030071526726XG', 'lei', '5493001KJTIIGC8Y1R12'],
      { identifiers: [{ scheme: 'uscc', value: '9144030071526726XG' }, { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }] },
    ],
    ['penalty amount is a number', ['penalty.amount.value'], ['50000.5'], { penalty: { amount: { value: 50000.5 } } }],
    ['amount owed is a number', ['court.amountOwed.value'], ['0'], { court: { amountOwed: { value: 0 } } }],
    ['rating score is a number', ['rating.score'], ['95'], { rating: { score: 95 } }],
    ['a numeric path that is not a number stays text', ['penalty.amount.value'], ['fifty'], { penalty: { amount: { value: 'fifty' } } }],
    ['a number elsewhere stays text', ['decisionNo', 'identifiers.0.value'], ['123', '12345678'], { decisionNo: '123', identifiers: [{ value: '12345678' }] }],
    ['penalty kinds split on |', ['penalty.kinds'], ['fine| confiscation |warning'], { penalty: { kinds: ['fine', 'confiscation', 'warning'] } }],
    ['a single penalty kind is a list', ['penalty.kinds'], ['fine'], { penalty: { kinds: ['fine'] } }],
    ['| elsewhere is text', ['summary'], ['a|b'], { summary: 'a|b' }],
    ['empty cells omitted', ['type', 'severity', 'penalty.amount.value', 'names.0.kind'], ['record', '', '', ''], { type: 'record' }],
    ['white space kept for validation to judge', ['summary'], ['  padded  '], { summary: '  padded  ' }],
    ['a path below a text cell becomes an unknown field', ['status', 'status.since'], ['active', '2020'], { status: 'active', 'status.since': '2020' }],
    ['a named key below an array becomes an unknown field', ['identifiers.0.value', 'identifiers.first'], ['1', '2'], { identifiers: [{ value: '1' }], 'identifiers.first': '2' }],
  ])('%s', (_label, header, cells, expected) => {
    expect(plain(csvRowToObject(header, cells))).toEqual(expected);
  });

  it('builds a record line the interchange schema accepts', () => {
    const parsed = schemas.line.safeParse(recordRow());
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ penalty: { kinds: ['fine', 'confiscation'], amount: { value: 50000, currency: 'CNY' } } });
  });

  it.each([
    ['__proto__.x', '__proto__'],
    ['__proto__', '__proto__'],
    ['constructor.prototype.x', 'constructor'],
    ['prototype.x', 'prototype'],
  ])('a %s header does not pollute Object.prototype and is rejected as an unknown field', (header, field) => {
    const row = recordRow([[header, 'polluted']]);
    expect((Object.prototype as Record<string, unknown>)['x']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false);
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(Object.keys(row)).toContain(field);
    const parsed = schemas.line.safeParse(row);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(firstProblem(parsed.error)).toEqual({ field, reason: `unknown field "${field}": the interchange format is closed` });
  });

  it('a nested __proto__ header is rejected as an unknown nested field', () => {
    const parsed = schemas.line.safeParse(recordRow([['penalty.__proto__.kinds', 'closure']]));
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(firstProblem(parsed.error).field).toBe('penalty.__proto__');
    expect(({} as Record<string, unknown>)['kinds']).toBeUndefined();
  });

  it('an unknown personal-data column is rejected by the closed schema', () => {
    const parsed = schemas.line.safeParse(recordRow([['idCardNo', '440301199001011234']]));
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(firstProblem(parsed.error).field).toBe('idCardNo');
  });
});

describe('formatOf', () => {
  it.each([
    ['register.csv', 'csv'],
    ['REGISTER.CSV', 'csv'],
    ['register.ndjson', 'ndjson'],
    ['register.jsonl', 'ndjson'],
    ['register.csv.ndjson', 'ndjson'],
  ])('%s → %s', (file, format) => {
    expect(formatOf(file)).toBe(format);
  });
});

describe('readLines', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'credence-read-lines-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, content: string | Buffer): Promise<string> {
    const file = join(dir, name);
    await writeFile(file, content);
    return file;
  }

  async function read(file: string): Promise<{ lines: SourceLine[]; bytes: number[] }> {
    const bytes: number[] = [];
    const lines: SourceLine[] = [];
    for await (const line of readLines(file, (n) => bytes.push(n))) lines.push(line);
    return { lines: plain(lines) as SourceLine[], bytes };
  }

  it('reads NDJSON, skipping blank lines but counting them', async () => {
    const file = await write('blank.ndjson', '{"a":1}\n\n   \n{"b":[2]}\r\n{"c":"粤"}');
    expect((await read(file)).lines).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 4, value: { b: [2] } },
      { line: 5, value: { c: '粤' } },
    ]);
  });

  it('turns an invalid JSON line into a reject with its line number and goes on', async () => {
    const file = await write('invalid.ndjson', '{"a":1}\n{"type":"record",\n{"c":3}\n');
    const { lines } = await read(file);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ line: 1, value: { a: 1 } });
    expect(lines[1]).toMatchObject({ line: 2, reject: { line: 2, field: null, reason: expect.stringContaining('not valid JSON') } });
    expect(lines[2]).toEqual({ line: 3, value: { c: 3 } });
  });

  it('reads an empty file as no lines', async () => {
    expect((await read(await write('empty.ndjson', ''))).lines).toEqual([]);
    expect((await read(await write('empty.csv', ''))).lines).toEqual([]);
  });

  it('reads CSV with quoted commas, quotes and newlines, numbering rows by file line', async () => {
    const file = await write('quoted.csv', [
      'type,sourceId,summary',
      'record,s1,"Sold goods, mislabelled"',
      'record,s2,"He said ""no"""',
      'record,s3,"first line',
      'second line"',
      'record,s4,plain',
      '',
    ].join('\n'));
    const { lines } = await read(file);
    expect(lines.map((l) => ('value' in l ? (l.value as { summary: string }).summary : l.reject.reason))).toEqual([
      'Sold goods, mislabelled',
      'He said "no"',
      'first line\nsecond line',
      'plain',
    ]);
    expect(lines[0]?.line).toBe(2);
    expect(lines[1]?.line).toBe(3);
    // A row spanning lines 4–5 is numbered by the line it ends on (csv-parse `info.lines`).
    expect(lines[2]?.line).toBe(5);
    expect(lines[3]?.line).toBe(6);
  });

  it('reads CSV with CRLF line ends and a trimmed header', async () => {
    const file = await write('crlf.csv', ' type , status\r\nentity,active\r\n');
    expect((await read(file)).lines).toEqual([{ line: 2, value: { type: 'entity', status: 'active' } }]);
  });

  it('rejects a CSV row with the wrong number of fields and goes on', async () => {
    const file = await write('count.csv', 'type,sourceId,summary\nrecord,s1\nrecord,s2,x,extra\nrecord,s3,ok\n');
    expect((await read(file)).lines).toEqual([
      { line: 2, reject: { line: 2, field: null, reason: 'row has 2 fields but the header has 3' } },
      { line: 3, reject: { line: 3, field: null, reason: 'row has 4 fields but the header has 3' } },
      { line: 4, value: { type: 'record', sourceId: 's3', summary: 'ok' } },
    ]);
  });

  it('skips empty CSV lines', async () => {
    const file = await write('gaps.csv', 'type,status\n\nentity,active\n\n');
    expect((await read(file)).lines).toEqual([{ line: 3, value: { type: 'entity', status: 'active' } }]);
  });

  it('strips a UTF-8 byte-order mark from the CSV header', async () => {
    const file = await write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('type,status\nentity,active\n')]));
    const { lines } = await read(file);
    expect(lines).toEqual([{ line: 2, value: { type: 'entity', status: 'active' } }]);
    expect(Object.keys((lines[0] as { value: object }).value)).toEqual(['type', 'status']);
  });

  it('turns an unterminated quote into a reject instead of throwing', async () => {
    const file = await write('unterminated.csv', 'type,summary\nrecord,fine\nrecord,"never closed\nrecord,after\n');
    const { lines } = await read(file);
    expect(lines[0]).toEqual({ line: 2, value: { type: 'record', summary: 'fine' } });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ reject: { field: null, reason: expect.stringContaining('CSV cannot be read past this line') } });
    const reject = lines[1] as { line: number; reject: { line: number } };
    expect(reject.line).toBe(reject.reject.line);
    expect(reject.line).toBeGreaterThanOrEqual(3);
  });

  it('turns a quote inside an unquoted field into a reject instead of throwing', async () => {
    const file = await write('stray-quote.csv', 'type,summary\nrecord,say "hi"\n');
    const { lines } = await read(file);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ reject: { field: null, reason: expect.stringContaining('CSV cannot be read past this line') } });
  });

  it.each([
    ['ndjson', 'big.ndjson', (i: number) => `{"type":"record","sourceId":"S-${i}","summary":"${'x'.repeat(200)}"}\n`],
    ['csv', 'big.csv', (i: number) => (i === 0 ? 'type,sourceId,summary\n' : `record,S-${i},"${'x'.repeat(200)}"\n`)],
  ])('reports progress in bytes up to the size of the %s file', async (_format, name, line) => {
    // Over 2 MiB, so the file is read in several chunks.
    const file = await write(name, Array.from({ length: 12_000 }, (_, i) => line(i)).join(''));
    const { size } = await stat(file);
    const { lines, bytes } = await read(file);
    expect(lines.length).toBeGreaterThan(11_000);
    expect(bytes.length).toBeGreaterThan(1);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(bytes.at(-1)).toBe(size);
  });

  // The stream must not flow before the consumer is attached: a caller may await between calling and iterating.
  it.each([
    ['ndjson', 'late.ndjson', '{"a":1}\n{"b":2}\n'],
    ['csv', 'late.csv', 'type,status\nentity,active\nentity,dissolved\n'],
  ])('keeps every %s line when iteration starts after an await', async (_format, name, content) => {
    const file = await write(name, content);
    const lines = readLines(file, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const collected: SourceLine[] = [];
    const done = (async () => {
      for await (const line of lines) collected.push(line);
      return 'done' as const;
    })();
    const outcome = await Promise.race([done, new Promise((resolve) => setTimeout(() => resolve('hung'), 1000))]);
    expect(outcome).toBe('done');
    expect(collected).toHaveLength(2);
  });

  it('ignores a UTF-8 byte-order mark at the start of an NDJSON file', async () => {
    const file = await write('bom.ndjson', '\uFEFF{"a":1}\n');
    const collected: SourceLine[] = [];
    for await (const line of readLines(file, () => undefined)) collected.push(line);
    expect(collected).toEqual([{ line: 1, value: { a: 1 } }]);
  });
});
