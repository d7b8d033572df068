import { describe, expect, it } from 'vitest';
import { firstProblem } from '../services/import/problems.js';
import { DEFAULT_IDENTIFIER_RULES } from './identifiers/index.js';
import { isCalendarDate } from './dates.js';
import { interchangeSchemas } from './interchange.js';

const TODAY = '2026-11-27';
const schemas = interchangeSchemas({ identifierRules: DEFAULT_IDENTIFIER_RULES, today: TODAY });

/** The reject a line would get in an import: `{field, reason}` of its first problem, or 'ok'. */
function problemOf(value: unknown): { field: string | null; reason: string } | 'ok' {
  const parsed = schemas.line.safeParse(value);
  return parsed.success ? 'ok' : firstProblem(parsed.error);
}

const GD_ENTITY = {
  type: 'entity',
  jurisdiction: 'GD',
  identifiers: [{ scheme: 'uscc', value: '9144030071526726XG' }],
  names: [
    { value: '腾讯科技（深圳）有限公司', lang: 'zh-Hans' },
    { value: 'Tencent Technology (Shenzhen) Company Limited', lang: 'en' },
  ],
  status: 'active',
};
const HK_ENTITY = {
  type: 'entity',
  jurisdiction: 'HK',
  identifiers: [{ scheme: 'hk-brn', value: '12345678' }],
  names: [
    { value: '騰訊控股有限公司', lang: 'zh-Hant' },
    { value: 'Tencent Holdings Limited', lang: 'en' },
  ],
  status: 'active',
};
const MO_ENTITY = {
  type: 'entity',
  jurisdiction: 'MO',
  identifiers: [{ scheme: 'mo-reg', value: '12345' }],
  names: [{ value: 'Companhia de Exemplo, Limitada', lang: 'pt' }],
  status: 'active',
};

const RECORD_BASE = {
  type: 'record',
  sourceId: 'GD-SAMR-2026-000123',
  subject: 'uscc:9144030071526726XG',
  domain: 'market',
  authority: 'gd-samr',
  decisionNo: '粤市监罚〔2026〕123号',
  decidedOn: '2026-03-01',
  legalBasis: [{ instrument: '中华人民共和国行政处罚法', article: '第二十八条' }],
  summary: 'Misleading price labels.',
};
const PENALTY = {
  ...RECORD_BASE,
  category: 'penalty',
  severity: 'general',
  penalty: { kinds: ['fine'], amount: { value: 50000, currency: 'CNY' } },
};
const RATING = { ...RECORD_BASE, category: 'rating', domain: 'tax', rating: { scheme: 'tax-credit', grade: 'A', score: 95 } };
const COURT = {
  ...RECORD_BASE,
  category: 'court-enforcement',
  domain: 'other-regulatory',
  court: { caseNo: '(2026)粤03执123号', amountOwed: { value: 1200, currency: 'CNY' } },
};

describe('interchange: valid lines', () => {
  it.each([
    ['GD entity with a USCC', GD_ENTITY],
    ['HK entity with a BRN', HK_ENTITY],
    ['MO entity with a registration number', MO_ENTITY],
    ['GD entity with lei, aeo, relations, legal form and dates', {
      ...GD_ENTITY,
      identifiers: [...GD_ENTITY.identifiers, { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }],
      legalForm: '有限责任公司',
      registeredOn: '2000-02-24',
      relations: [{ kind: 'subsidiary-of', target: 'hk-brn:12345678' }],
    }],
    ['HK entity with a legacy CR number alias', { ...HK_ENTITY, identifiers: [...HK_ENTITY.identifiers, { scheme: 'hk-cr', value: '1234567' }] }],
    ['names with kind and validity', {
      ...HK_ENTITY,
      names: [{ value: 'Old Name Limited', lang: 'en', kind: 'former', validFrom: '1999-01-01', validTo: '2010-12-31' }],
    }],
    ['name valid on one day', { ...HK_ENTITY, names: [{ value: 'A Ltd', lang: 'en', validFrom: '2010-01-01', validTo: '2010-01-01' }] }],
    ['name validTo in the future (an end date, not a decision)', { ...HK_ENTITY, names: [{ value: 'A Ltd', lang: 'en', validTo: '2030-01-01' }] }],
    ['penalty', PENALTY],
    ['penalty without amount', { ...PENALTY, severity: 'minor', penalty: { kinds: ['warning', 'public-criticism'] } }],
    ['rating', RATING],
    ['rating without score', { ...RATING, rating: { scheme: 'customs-credit', grade: 'advanced' } }],
    ['court-enforcement', COURT],
    ['license', { ...RECORD_BASE, category: 'license', domain: 'food-drug' }],
    ['commendation', { ...RECORD_BASE, category: 'commendation', domain: 'labour' }],
    ['commitment', { ...RECORD_BASE, category: 'commitment', domain: 'procurement' }],
    ['disclosure-default', { ...RECORD_BASE, category: 'disclosure-default', domain: 'finance', severity: 'serious' }],
    ['subject by internal id', { ...RECORD_BASE, category: 'license', subject: '0E4C5A1B-1111-8222-9333-444455556666' }],
    ['decided today', { ...PENALTY, decidedOn: TODAY }],
    ['decided on 1800-01-01', { ...PENALTY, decidedOn: '1800-01-01' }],
    ['decided on a leap day', { ...PENALTY, decidedOn: '2024-02-29' }],
    ['summary of exactly 1000 characters', { ...PENALTY, summary: 'x'.repeat(1000) }],
    ['summary with tab and newline', { ...PENALTY, summary: 'line one\n\tline two' }],
    ['amount zero', { ...PENALTY, penalty: { kinds: ['fine'], amount: { value: 0, currency: 'MOP' } } }],
    ['status given', { ...PENALTY, status: 'repaired' }],
  ])('accepts %s', (_label, line) => {
    expect(problemOf(line)).toBe('ok');
  });

  it('normalises identifiers and fills defaults', () => {
    const parsed = schemas.line.parse({
      ...GD_ENTITY,
      identifiers: [{ scheme: 'uscc', value: ' ９１４４０３００７１５２６７２６ｘｇ ' }],
    });
    expect(parsed).toMatchObject({
      identifiers: [{ scheme: 'uscc', value: '9144030071526726XG', warnings: [] }],
      names: [{ kind: 'legal' }, { kind: 'legal' }],
    });
    expect(schemas.line.parse(PENALTY)).toMatchObject({
      status: 'active',
      subject: { kind: 'identifier', identifier: { scheme: 'uscc', value: '9144030071526726XG' } },
    });
    expect(schemas.line.parse({ ...RECORD_BASE, category: 'license', subject: '0E4C5A1B-1111-8222-9333-444455556666' })).toMatchObject({
      subject: { kind: 'id', id: '0e4c5a1b-1111-8222-9333-444455556666' },
    });
  });
});

type Row = [label: string, line: unknown, field: string | null, reason: string | RegExp];

const ENTITY_REJECTS: Row[] = [
  ['unknown top-level field personName', { ...GD_ENTITY, personName: '张三' }, 'personName', 'unknown field "personName"'],
  ['unknown top-level field idCardNo', { ...HK_ENTITY, idCardNo: 'A123456(7)' }, 'idCardNo', 'the interchange format is closed'],
  ['unknown field in a name', { ...HK_ENTITY, names: [{ value: 'A Ltd', lang: 'en', director: 'Chan Tai Man' }] }, 'names.0.director', 'unknown field "director"'],
  ['unknown field in an identifier', { ...HK_ENTITY, identifiers: [{ scheme: 'hk-brn', value: '12345678', holder: 'x' }] }, 'identifiers.0.holder', 'unknown field'],
  ['unknown field in a relation', { ...HK_ENTITY, relations: [{ kind: 'branch-of', target: 'hk-brn:87654321', since: '2020' }] }, 'relations.0.since', 'unknown field'],
  ['USCC prefix 92', { ...GD_ENTITY, identifiers: [{ scheme: 'uscc', value: '9244030071526726XD' }] }, 'identifiers.0.value', 'individual business'],
  ['USCC with a wrong check character', { ...GD_ENTITY, identifiers: [{ scheme: 'uscc', value: '9144030071526726XA' }] }, 'identifiers.0.value', 'uscc check character is A but should be G'],
  ['USCC too short', { ...GD_ENTITY, identifiers: [{ scheme: 'uscc', value: '91440300715267' }] }, 'identifiers.0.value', 'uscc must be 18 characters, got 14'],
  ['USCC too long', { ...GD_ENTITY, identifiers: [{ scheme: 'uscc', value: '9144030071526726XG1' }] }, 'identifiers.0.value', 'uscc must be 18 characters, got 19'],
  ['USCC with a letter outside its charset', { ...GD_ENTITY, identifiers: [{ scheme: 'uscc', value: '91440300715267I6XG' }] }, 'identifiers.0.value', "uscc character 15 is 'I'"],
  ['hk-brn of 7 digits', { ...HK_ENTITY, identifiers: [{ scheme: 'hk-brn', value: '1234567' }] }, 'identifiers.0.value', 'hk-brn must be 8 digits'],
  ['mo-reg with letters', { ...MO_ENTITY, identifiers: [{ scheme: 'mo-reg', value: 'AB123' }] }, 'identifiers.0.value', 'mo-reg must match'],
  ['unknown identifier scheme', { ...GD_ENTITY, identifiers: [{ scheme: 'ssn', value: '123' }] }, 'identifiers.0.scheme', 'Invalid option'],
  ['identifier without value', { ...GD_ENTITY, identifiers: [{ scheme: 'uscc' }] }, 'identifiers.0.value', 'expected string'],
  ['hk-brn on a GD entity', { ...GD_ENTITY, identifiers: [...GD_ENTITY.identifiers, { scheme: 'hk-brn', value: '12345678' }] }, 'identifiers.1.scheme', 'hk-brn identifiers belong to jurisdiction HK, not GD'],
  ['uscc on an MO entity', { ...MO_ENTITY, identifiers: [...MO_ENTITY.identifiers, { scheme: 'uscc', value: '9144030071526726XG' }] }, 'identifiers.1.scheme', 'uscc identifiers belong to jurisdiction GD, not MO'],
  ['hk-cr on a GD entity', { ...GD_ENTITY, identifiers: [...GD_ENTITY.identifiers, { scheme: 'hk-cr', value: '1234567' }] }, 'identifiers.1.scheme', 'belong to jurisdiction HK'],
  ['HK entity with only an LEI', { ...HK_ENTITY, identifiers: [{ scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }] }, 'identifiers', 'an entity of jurisdiction HK needs a hk-brn identifier'],
  ['HK entity with only a legacy CR number', { ...HK_ENTITY, identifiers: [{ scheme: 'hk-cr', value: '1234567' }] }, 'identifiers', 'needs a hk-brn identifier'],
  ['GD entity with only an HK BRN', { ...GD_ENTITY, identifiers: [{ scheme: 'hk-brn', value: '12345678' }] }, 'identifiers', 'needs a uscc identifier'],
  ['no identifiers', { ...GD_ENTITY, identifiers: [] }, 'identifiers', 'at least one identifier is required'],
  ['duplicate identifier', { ...GD_ENTITY, identifiers: [...GD_ENTITY.identifiers, ...GD_ENTITY.identifiers] }, 'identifiers.1', 'duplicate identifier uscc:9144030071526726XG'],
  ['duplicate identifier after normalisation', { ...GD_ENTITY, identifiers: [...GD_ENTITY.identifiers, { scheme: 'uscc', value: '9144030071526726xg' }] }, 'identifiers.1', 'duplicate identifier'],
  ['no names', { ...GD_ENTITY, names: [] }, 'names', 'at least one name is required'],
  ['names missing', { ...HK_ENTITY, names: undefined }, 'names', 'expected array'],
  ['name in French', { ...HK_ENTITY, names: [{ value: 'Société', lang: 'fr' }] }, 'names.0.lang', 'Invalid option'],
  ['name lang in the wrong case', { ...HK_ENTITY, names: [{ value: 'A Ltd', lang: 'EN' }] }, 'names.0.lang', 'Invalid option'],
  ['blank name', { ...HK_ENTITY, names: [{ value: '   ', lang: 'en' }] }, 'names.0.value', 'must not be empty'],
  ['unknown name kind', { ...HK_ENTITY, names: [{ value: 'A Ltd', lang: 'en', kind: 'nickname' }] }, 'names.0.kind', 'Invalid option'],
  ['name validTo before validFrom', { ...HK_ENTITY, names: [{ value: 'A Ltd', lang: 'en', validFrom: '2010-01-02', validTo: '2010-01-01' }] }, 'names.0.validTo', 'validTo must not be before validFrom'],
  ['name validTo not a date', { ...HK_ENTITY, names: [{ value: 'A Ltd', lang: 'en', validTo: '2010-13-01' }] }, 'names.0.validTo', 'must be a calendar date'],
  ['unknown jurisdiction', { ...HK_ENTITY, jurisdiction: 'TW' }, 'jurisdiction', 'Invalid option'],
  ['unknown entity status', { ...HK_ENTITY, status: 'bankrupt' }, 'status', 'Invalid option'],
  ['registered in the future', { ...HK_ENTITY, registeredOn: '2026-11-28' }, 'registeredOn', 'must not be after today (2026-11-27)'],
  ['unknown relation kind', { ...HK_ENTITY, relations: [{ kind: 'parent-of', target: 'hk-brn:87654321' }] }, 'relations.0.kind', 'Invalid option'],
  ['relation target without scheme', { ...HK_ENTITY, relations: [{ kind: 'branch-of', target: '87654321' }] }, 'relations.0.target', 'entity reference must be scheme:value'],
];

const RECORD_REJECTS: Row[] = [
  ['unknown top-level field personName', { ...PENALTY, personName: '张三' }, 'personName', 'unknown field "personName": the interchange format is closed'],
  ['unknown top-level field idCardNo', { ...PENALTY, idCardNo: '440301199001011234' }, 'idCardNo', 'unknown field "idCardNo"'],
  ['unknown field in the penalty block', { ...PENALTY, penalty: { kinds: ['fine'], legalRepresentative: '张三' } }, 'penalty.legalRepresentative', 'unknown field "legalRepresentative"'],
  ['unknown field in the amount', { ...PENALTY, penalty: { kinds: ['fine'], amount: { value: 1, currency: 'CNY', payer: 'x' } } }, 'penalty.amount.payer', 'unknown field'],
  ['unknown field in a legal basis', { ...PENALTY, legalBasis: [{ instrument: 'Law', article: '1', note: 'x' }] }, 'legalBasis.0.note', 'unknown field "note"'],
  ['unknown field in the rating block', { ...RATING, rating: { scheme: 's', grade: 'A', inspector: 'x' } }, 'rating.inspector', 'unknown field'],
  ['unknown field in the court block', { ...COURT, court: { caseNo: 'c', judge: 'x' } }, 'court.judge', 'unknown field'],
  ['missing type', { ...PENALTY, type: undefined }, 'type', 'type must be "entity" or "record"'],
  ['wrong type', { ...PENALTY, type: 'person' }, 'type', 'type must be "entity" or "record"'],
  ['category speech', { ...RECORD_BASE, category: 'speech' }, 'category', 'Invalid option'],
  ['category religion', { ...RECORD_BASE, category: 'religion' }, 'category', 'Invalid option'],
  ['category online-behaviour', { ...RECORD_BASE, category: 'online-behaviour' }, 'category', 'Invalid option'],
  ['domain religion', { ...PENALTY, domain: 'religion' }, 'domain', 'Invalid option'],
  ['domain assembly', { ...PENALTY, domain: 'assembly' }, 'domain', 'Invalid option'],
  ['domain missing', { ...PENALTY, domain: undefined }, 'domain', 'Invalid option'],
  ['severity outside the scale', { ...PENALTY, severity: 'extreme' }, 'severity', 'Invalid option'],
  ['penalty without severity', { ...PENALTY, severity: undefined }, 'severity', 'a penalty record needs a severity'],
  ['penalty without penalty block', { ...PENALTY, penalty: undefined }, 'penalty', 'a penalty record needs a penalty block'],
  ['penalty block without kinds', { ...PENALTY, penalty: { kinds: [] } }, 'penalty.kinds', 'at least one penalty kind is required'],
  ['penalty kind outside the law', { ...PENALTY, penalty: { kinds: ['public-shaming'] } }, 'penalty.kinds.0', 'Invalid option'],
  ['penalty block on a rating record', { ...RATING, penalty: PENALTY.penalty }, 'penalty', 'a penalty block belongs only to penalty records'],
  ['penalty block on a license record', { ...RECORD_BASE, category: 'license', penalty: PENALTY.penalty }, 'penalty', 'belongs only to penalty records'],
  ['rating without rating block', { ...RATING, rating: undefined }, 'rating', 'a rating record needs a rating block'],
  ['rating block on a penalty record', { ...PENALTY, rating: RATING.rating }, 'rating', 'a rating block belongs only to rating records'],
  ['rating score above 1000', { ...RATING, rating: { scheme: 's', grade: 'A', score: 1001 } }, 'rating.score', 'Too big'],
  ['court-enforcement without court block', { ...COURT, court: undefined }, 'court', 'a court-enforcement record needs a court block'],
  ['court block on a commendation', { ...RECORD_BASE, category: 'commendation', court: COURT.court }, 'court', 'a court block belongs only to court-enforcement records'],
  ['missing legal basis', { ...PENALTY, legalBasis: undefined }, 'legalBasis', 'expected array'],
  ['empty legal basis', { ...PENALTY, legalBasis: [] }, 'legalBasis', 'at least one legal-basis citation (instrument and article) is required'],
  ['legal basis without article', { ...PENALTY, legalBasis: [{ instrument: 'Law' }] }, 'legalBasis.0.article', 'expected string'],
  ['legal basis with blank article', { ...PENALTY, legalBasis: [{ instrument: 'Law', article: ' ' }] }, 'legalBasis.0.article', 'must not be empty'],
  ['legal basis without instrument', { ...PENALTY, legalBasis: [{ article: '1' }] }, 'legalBasis.0.instrument', 'expected string'],
  ['decidedOn 2026-02-30', { ...PENALTY, decidedOn: '2026-02-30' }, 'decidedOn', 'must be a calendar date YYYY-MM-DD'],
  ['decidedOn 2025-02-29 (not a leap year)', { ...PENALTY, decidedOn: '2025-02-29' }, 'decidedOn', 'must be a calendar date'],
  ['decidedOn in another format', { ...PENALTY, decidedOn: '01/03/2026' }, 'decidedOn', 'must be a calendar date'],
  ['decidedOn with a time', { ...PENALTY, decidedOn: '2026-03-01T00:00:00Z' }, 'decidedOn', 'must be a calendar date'],
  ['decidedOn the day after today', { ...PENALTY, decidedOn: '2026-11-28' }, 'decidedOn', 'must not be after today (2026-11-27)'],
  ['decidedOn next year', { ...PENALTY, decidedOn: '2027-01-01' }, 'decidedOn', 'must not be after today'],
  ['decidedOn 1799-12-31', { ...PENALTY, decidedOn: '1799-12-31' }, 'decidedOn', 'must not be before 1800-01-01'],
  ['decidedOn missing', { ...PENALTY, decidedOn: undefined }, 'decidedOn', 'expected string'],
  ['negative amount', { ...PENALTY, penalty: { kinds: ['fine'], amount: { value: -1, currency: 'CNY' } } }, 'penalty.amount.value', 'Too small'],
  ['amount as a string', { ...PENALTY, penalty: { kinds: ['fine'], amount: { value: '50000', currency: 'CNY' } } }, 'penalty.amount.value', 'expected number'],
  ['infinite amount', { ...PENALTY, penalty: { kinds: ['fine'], amount: { value: Infinity, currency: 'CNY' } } }, 'penalty.amount.value', /expected number|finite/],
  ['currency USD', { ...PENALTY, penalty: { kinds: ['fine'], amount: { value: 1, currency: 'USD' } } }, 'penalty.amount.currency', 'Invalid option'],
  ['currency in lower case', { ...COURT, court: { caseNo: 'c', amountOwed: { value: 1, currency: 'cny' } } }, 'court.amountOwed.currency', 'Invalid option'],
  ['negative amount owed', { ...COURT, court: { caseNo: 'c', amountOwed: { value: -0.01, currency: 'HKD' } } }, 'court.amountOwed.value', 'Too small'],
  ['BEL in summary', { ...PENALTY, summary: 'ring\u0007' }, 'summary', 'must not contain control characters'],
  ['NUL in summary', { ...PENALTY, summary: 'a\u0000b' }, 'summary', 'must not contain control characters'],
  ['C1 control in summary', { ...PENALTY, summary: 'a\u0085b' }, 'summary', 'must not contain control characters'],
  ['DEL in decision number', { ...PENALTY, decisionNo: 'No.\u007f1' }, 'decisionNo', 'must not contain control characters'],
  ['summary of 1001 characters', { ...PENALTY, summary: 'x'.repeat(1001) }, 'summary', 'must be at most 1000 characters'],
  ['blank summary', { ...PENALTY, summary: '  \n ' }, 'summary', 'must not be empty'],
  ['authority in capitals', { ...PENALTY, authority: 'GD-SAMR' }, 'authority', 'must be an authority id such as gd-samr'],
  ['authority with a space', { ...PENALTY, authority: 'gd samr' }, 'authority', 'must be an authority id'],
  ['authority starting with a dash', { ...PENALTY, authority: '-samr' }, 'authority', 'must be an authority id'],
  ['sourceId with a space', { ...PENALTY, sourceId: 'GD-SAMR 2026-000123' }, 'sourceId', 'must not contain white space'],
  ['sourceId with a tab', { ...PENALTY, sourceId: 'GD-SAMR\t1' }, 'sourceId', 'must not contain white space'],
  ['sourceId empty', { ...PENALTY, sourceId: '' }, 'sourceId', 'must not be empty'],
  ['sourceId of 129 characters', { ...PENALTY, sourceId: 'x'.repeat(129) }, 'sourceId', 'must be at most 128 characters'],
  ['subject without scheme', { ...PENALTY, subject: '9144030071526726XG' }, 'subject', 'did you mean uscc:9144030071526726XG?'],
  ['subject with an unknown scheme', { ...PENALTY, subject: 'ssn:123-45-6789' }, 'subject', "unknown identifier scheme 'ssn'"],
  ['subject with an invalid USCC', { ...PENALTY, subject: 'uscc:9144030071526726XA' }, 'subject', 'uscc check character is A but should be G'],
  ['subject an individual business', { ...PENALTY, subject: 'uscc:9244030071526726XD' }, 'subject', 'individual business'],
  ['subject a person name', { ...PENALTY, subject: '张三' }, 'subject', 'entity reference must be scheme:value'],
  ['unknown record status', { ...PENALTY, status: 'deleted' }, 'status', 'Invalid option'],
];

describe('interchange: rejects', () => {
  it.each([...ENTITY_REJECTS.map((r): Row => [`entity: ${r[0]}`, ...r.slice(1)] as Row), ...RECORD_REJECTS.map((r): Row => [`record: ${r[0]}`, ...r.slice(1)] as Row)])(
    'rejects %s',
    (_label, line, field, reason) => {
      const problem = problemOf(line);
      expect(problem).not.toBe('ok');
      if (problem === 'ok') return;
      expect(problem.field).toBe(field);
      if (typeof reason === 'string') expect(problem.reason).toContain(reason);
      else expect(problem.reason).toMatch(reason);
    },
  );

  it.each([null, 'entity', 42, [], [GD_ENTITY]])('rejects a line that is not an object: %j', (line) => {
    expect(problemOf(line)).not.toBe('ok');
  });

  it('names the first unknown field even when several are present', () => {
    expect(problemOf({ ...GD_ENTITY, personName: 'x', idCardNo: 'y' })).toEqual({
      field: 'personName',
      reason: 'unknown field "personName": the interchange format is closed',
    });
  });

  it('a different today moves the future boundary', () => {
    const later = interchangeSchemas({ identifierRules: DEFAULT_IDENTIFIER_RULES, today: '2026-11-28' });
    expect(later.line.safeParse({ ...PENALTY, decidedOn: '2026-11-28' }).success).toBe(true);
  });

  it('a flagging USCC rule accepts a wrong check character with a warning', () => {
    const flag = interchangeSchemas({ identifierRules: { ...DEFAULT_IDENTIFIER_RULES, usccChecksum: 'flag' }, today: TODAY });
    const parsed = flag.entity.parse({ ...GD_ENTITY, identifiers: [{ scheme: 'uscc', value: '9144030071526726XA' }] });
    expect(parsed.identifiers[0]?.warnings[0]).toContain('uscc check character is A but should be G');
    // An individual business stays out whatever the checksum rule.
    const individual = flag.entity.safeParse({ ...GD_ENTITY, identifiers: [{ scheme: 'uscc', value: '9244030071526726XA' }] });
    expect(individual.success).toBe(false);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-11-27', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-28', true],
    ['1900-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-1', false],
    ['20261127', false],
    [' 2026-11-27', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
