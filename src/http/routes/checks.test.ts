import { describe, expect, it } from 'vitest';
import type { Fact } from '../../domain/policy/model.js';
import type { CheckResult } from '../../services/check-service.js';
import type { MeasureView } from '../../services/decision-index.js';
import { checkResultJson } from './checks.js';

const basis = [{ instrument: '最高人民法院关于公布失信被执行人名单信息的若干规定 "2017"', article: '第一条\\n' }];
const fact: Fact = { recordId: '25', sourceId: 'GD-COURT-HZ-2026-000165\t"x"', originNode: 'gd', category: 'court-enforcement', decidedOn: '2026-08-28', disputed: false };
const measure = (id: string, legalBasis = basis): MeasureView => ({ id, kind: 'discipline', effect: 'deny', authority: 'gd-drc \u0001', legalBasis, because: [fact] });

describe('checkResultJson', () => {
  it.each<[string, CheckResult]>([
    ['nothing applies', { decision: 'allow', measures: [], facilitations: [], disputed: false, policyVersion: '2026.1', evaluatedAt: '2026-12-06' }],
    [
      'measures and facilitations sharing a legal basis, text that needs escaping',
      {
        decision: 'deny',
        measures: [measure('court-debtor-no-honours'), measure('second "one"')],
        facilitations: [{ ...measure('fast-track', [{ instrument: 'Other', article: 'Art. 2' }]), kind: 'reward', effect: 'fast-track' }],
        disputed: true,
        policyVersion: '2026.1 "candidate"',
        evaluatedAt: '2026-12-06',
      },
    ],
  ])('writes what JSON.stringify writes: %s', (_name, result) => {
    expect(checkResultJson(result)).toBe(JSON.stringify(result));
    // The second time the legal bases come from the cache.
    expect(checkResultJson(result)).toBe(JSON.stringify(result));
  });
});
