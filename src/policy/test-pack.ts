/**
 * Test helper: a small, valid pack as parsed file contents, fresh on every call so a test can break one
 * thing in it. Used by the loader and evaluator tests.
 */
const names = (en: string) => ({ zh: en, en });

export function testPackFiles(): Record<string, any> {
  const basis = () => [{ instrument: 'Test Instrument', article: 'Art. 1' }];
  return {
    'pack.yaml': { node: 'gd', version: '1.0', effective: { from: '2026-01-01' }, description: 'test pack' },
    'lists.yaml': {
      lists: [
        {
          id: 'serious',
          kind: 'serious-dishonesty',
          name: names('Serious'),
          authority: 'gd-samr',
          entry: { anyOf: [{ record: { category: ['penalty'], severity: ['serious'] } }] },
          notice: { days: 5, unit: 'working' },
          duration: { fixed: { months: 6 } },
          earlyRemoval: { after: { months: 3 }, conditions: ['paid'] },
          repair: { repairable: true, conditions: ['paid'] },
          legalBasis: basis(),
          effective: { from: '2020-01-01' },
        },
        {
          id: 'repeat',
          kind: 'watch',
          name: names('Repeat offenders'),
          authority: 'gd-samr',
          entry: { anyOf: [{ record: { category: ['penalty'], amountAtLeast: { value: 100000, currency: 'CNY' } }, count: { atLeast: 2, withinDays: 365 } }] },
          notice: { days: 0, unit: 'calendar' },
          duration: 'while-cause',
          repair: { repairable: false },
          legalBasis: basis(),
          effective: { from: '2020-01-01', to: '2030-12-31' },
        },
        {
          id: 'good',
          kind: 'honour',
          name: names('Good'),
          authority: 'gd-tax',
          entry: { anyOf: [{ rating: { scheme: 'cn-tax', grades: ['A'] } }] },
          notice: { days: 0, unit: 'calendar' },
          duration: 'while-cause',
          repair: { repairable: false },
          legalBasis: basis(),
          effective: { from: '2020-01-01' },
        },
      ],
    },
    'rating-schemes.yaml': {
      ratingSchemes: [
        {
          id: 'cn-tax',
          name: names('Tax'),
          authority: 'gd-tax',
          grades: [{ id: 'A', name: names('A') }, { id: 'D', name: names('D') }],
          legalBasis: basis(),
          effective: { from: '2020-01-01' },
        },
        {
          id: 'cn-customs',
          name: names('Customs'),
          authority: 'gd-customs',
          grades: [{ id: 'advanced-certified', name: names('AEO') }],
          legalBasis: basis(),
          effective: { from: '2020-01-01' },
        },
      ],
    },
    'publication.yaml': {
      regimes: [
        {
          id: 'old',
          name: names('Old'),
          effective: { from: '2020-01-01', to: '2025-12-31' },
          startsOn: 'decision',
          categories: ['penalty'],
          periods: { minor: { max: { months: 3 } }, general: { min: { months: 3 }, max: { years: 1 } }, serious: { min: { months: 6 }, max: { years: 3 } } },
          legalBasis: basis(),
        },
        {
          id: 'new',
          name: names('New'),
          effective: { from: '2026-01-01' },
          startsOn: 'publication',
          categories: ['penalty'],
          periods: { minor: { max: { months: 3 } }, general: { min: { months: 3 }, max: { years: 1 } }, serious: { min: { years: 1 }, max: { years: 3 } } },
          legalBasis: basis(),
        },
      ],
    },
    'measures.yaml': {
      measures: [
        { id: 'no-honours', kind: 'discipline', name: names('No honours'), context: 'honours', effect: 'deny', trigger: { list: 'serious' }, authority: 'gd-samr', legalBasis: basis(), effective: { from: '2020-01-01' } },
        { id: 'procurement-review', kind: 'discipline', name: names('Review'), context: 'public-procurement', effect: 'review', trigger: { list: 'serious' }, authority: 'gd-finance', legalBasis: basis(), effective: { from: '2020-01-01' } },
        { id: 'procurement-restrict', kind: 'discipline', name: names('Restrict'), context: 'public-procurement', effect: 'restrict', trigger: { list: 'repeat' }, authority: 'gd-finance', legalBasis: basis(), effective: { from: '2020-01-01' } },
        { id: 'inspect', kind: 'discipline', name: names('Inspect'), context: 'inspection', effect: 'increase-inspection', trigger: { list: 'repeat' }, authority: 'gd-samr', legalBasis: basis(), effective: { from: '2020-01-01' } },
        { id: 'fast', kind: 'reward', name: names('Fast'), context: 'administrative-licensing', effect: 'fast-track', trigger: { list: 'good' }, authority: 'gd-samr', legalBasis: basis(), effective: { from: '2020-01-01', to: '2026-06-30' } },
        { id: 'aeo-priority', kind: 'reward', name: names('Priority'), context: 'customs-clearance', effect: 'priority', trigger: { recognised: 'hk-aeo' }, authority: 'gd-customs', legalBasis: basis(), effective: { from: '2020-01-01' } },
      ],
    },
    'recognition.yaml': {
      recognition: [
        {
          id: 'hk-aeo',
          name: names('HK AEO'),
          foreign: { node: 'hk', scheme: 'hk-aeo', grades: ['tier-1', 'tier-2'] },
          local: { scheme: 'cn-customs', grade: 'advanced-certified' },
          contexts: ['customs-clearance'],
          legalBasis: basis(),
          effective: { from: '2020-01-01' },
        },
      ],
    },
    'calendar.yaml': {
      calendar: { weekend: ['saturday', 'sunday'], years: { '2026': { holidays: ['2026-05-01'], workingDays: ['2026-05-09'] } } },
    },
  };
}
