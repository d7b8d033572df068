/**
 * Property test of the check index through the real import path (SPEC §5): random imports of new records,
 * corrections and status changes, and clock moves, on a real database. After every step each check the
 * service answers — today and on a past date — equals a from-scratch evaluation of the stored records.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { gbaDate } from '../../src/domain/dates.js';
import { Random } from '../../src/domain/demo-data/random.js';
import { usccCheckCharacter } from '../../src/domain/identifiers/uscc.js';
import { fromDay, toDay } from '../../src/domain/policy/dates.js';
import { evaluateEntity } from '../../src/domain/policy/evaluate.js';
import { MEASURE_CONTEXTS } from '../../src/domain/policy/vocabulary.js';
import type { CheckResult } from '../../src/services/check-service.js';
import { indexedOutcome } from '../../src/services/decision-index.js';
import { loadEvaluationInputs } from '../../src/store/evaluation-repository.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { writeLines } from '../support/lines.js';

const ENTITIES = 16;
const STEPS = 10;
const uscc = (i: number) => {
  const first17 = `91440101MA5P${String(i).padStart(5, '0')}`;
  return first17 + usccCheckCharacter(first17);
};

type Line = Record<string, unknown> & { sourceId: string };

/** Record lines that reach the gd pack's lists and ratings, decided around `day`. */
function randomRecord(rng: Random, seq: number, day: number): Line {
  const decidedOn = fromDay(rng.chance(0.5) ? day - 20 + rng.int(25) : day - 1500 + rng.int(1600));
  const base = {
    type: 'record',
    sourceId: `PROP-${seq}`,
    subject: `uscc:${uscc(rng.int(ENTITIES))}`,
    decisionNo: `No. ${seq}`,
    decidedOn,
    legalBasis: [{ instrument: 'Test Instrument', article: 'Art. 1' }],
    summary: 'property test record',
    status: rng.chance(0.85) ? 'active' : 'expired',
  };
  switch (rng.int(4)) {
    case 0:
      return { ...base, category: 'court-enforcement', domain: 'other-regulatory', authority: 'gd-court-gz', court: { caseNo: `C-${seq}` } };
    case 1: {
      const [scheme, grades] = rng.chance(0.5) ? ['cn-tax', ['A', 'B', 'D']] : ['cn-customs', ['advanced-certified', 'dishonest', 'regular']];
      return { ...base, category: 'rating', domain: scheme === 'cn-tax' ? 'tax' : 'customs', authority: 'gd-tax', rating: { scheme, grade: grades[rng.int(grades.length)] } };
    }
    case 2:
      return { ...base, category: 'disclosure-default', domain: 'market', authority: 'gd-samr' };
    default:
      return {
        ...base,
        category: 'penalty',
        domain: 'market',
        severity: rng.chance(0.6) ? 'serious' : 'general',
        authority: 'gd-samr',
        penalty: { kinds: rng.chance(0.6) ? ['business-suspension'] : ['fine'] },
      };
  }
}

function withoutHeader({ policyVersion: _v, evaluatedAt: _e, ...rest }: CheckResult) {
  return rest;
}

describe('check index equals from-scratch evaluation after random imports, corrections and date changes', () => {
  let db: TestDatabase;
  let app: App;
  let now = new Date('2026-03-01T04:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildApp({ ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent' }), database: db.target }, { clock: () => now, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('holds for every entity and context at every step', async () => {
    const rng = new Random(20261127);
    const entities = Array.from({ length: ENTITIES }, (_, i) => ({
      type: 'entity',
      jurisdiction: 'GD',
      identifiers: [{ scheme: 'uscc', value: uscc(i) }],
      names: [{ value: `属性测试${i}有限公司`, lang: 'zh-Hans' }],
      status: 'active',
    }));
    const records: Line[] = [];
    let seq = 0;
    const today = () => toDay(gbaDate(now));
    for (let i = 0; i < 20; i++) records.push(randomRecord(rng, ++seq, today()));
    await app.imports.importFiles([writeLines([...entities, ...records])]);
    await app.policy.decisionIndex();

    for (let step = 0; step < STEPS; step++) {
      const lines: Line[] = [];
      for (let n = rng.int(4); n >= 0; n--) {
        if (rng.chance(0.5) || records.length === 0) {
          const line = randomRecord(rng, ++seq, today());
          records.push(line);
          lines.push(line);
        } else {
          const k = rng.int(records.length);
          const changed = rng.chance(0.5)
            ? { ...records[k]!, status: ['expired', 'repaired', 'revoked', 'corrected'][rng.int(4)] }
            : { ...records[k]!, decidedOn: fromDay(toDay(records[k]!.decidedOn as string) - rng.int(30)) };
          records[k] = changed;
          lines.push(changed);
        }
      }
      await app.imports.importFiles([writeLines(lines)]);
      now = new Date(now.getTime() + rng.int(rng.chance(0.6) ? 12 : 400) * 86_400_000);

      const inputs = await loadEvaluationInputs(app.database.db, (await Promise.all(entities.map((e) => app.entities.resolve(`uscc:${e.identifiers[0]!.value}`)))));
      const past = fromDay(today() - 1 - rng.int(900));
      for (const input of inputs) {
        const ref = input.refs[0]!;
        for (const at of [undefined, past]) {
          const scratch = evaluateEntity(app.policy.pack, input.entity, input.records, at ?? fromDay(today())).contexts;
          for (const context of at ? MEASURE_CONTEXTS.slice(0, 3) : MEASURE_CONTEXTS) {
            const answer = await app.checks.check({ entity: ref, context, at });
            expect({ step, ref, context, at, answer: withoutHeader(answer) }).toEqual({ step, ref, context, at, answer: indexedOutcome(scratch[context]) });
          }
        }
      }
    }
  });
});
