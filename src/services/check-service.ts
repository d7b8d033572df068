/**
 * The point-of-service check (SPEC §5): which measures apply to an entity in a context on a date, and the
 * decision they add up to. Answers come from the check index; an entity is evaluated from its records only
 * when its indexed result does not hold on the asked date (a past `at`, or a date past its next change).
 */
import { requireAccess, type Principal } from '../domain/access.js';
import { isCalendarDate } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { formatIdentifier, parseEntityRef, type IdentifierRules } from '../domain/identifiers/index.js';
import { fromDay, toDay } from '../domain/policy/dates.js';
import { DECISIONS, MEASURE_CONTEXTS, type Decision } from '../domain/policy/vocabulary.js';
import type { Db } from '../store/database.js';
import { loadEvaluationInputs } from '../store/evaluation-repository.js';
import { addCheckCounts, type CheckCountRow } from '../store/transparency-repository.js';
import { evaluateForIndex, type DecisionIndex, type IndexedOutcome, type MeasureView } from './decision-index.js';
import type { PolicyService } from './policy-service.js';

/** Most checks one batch may hold. */
export const MAX_BATCH = 1_000;

export interface CheckRequest {
  /** `scheme:value` or internal id. */
  entity: string;
  context: string;
  /** ISO date the answer is as of; default today in the GBA. */
  at?: string | undefined;
}

export interface CheckResult {
  decision: Decision;
  measures: readonly MeasureView[];
  facilitations: readonly MeasureView[];
  disputed: boolean;
  policyVersion: string;
  /** The date the decision holds for. */
  evaluatedAt: string;
}

export type BatchAnswer = { ok: true; result: CheckResult } | { ok: false; error: DomainError };

interface ParsedCheck {
  slot: number;
  /** The context's place in `MEASURE_CONTEXTS`. */
  context: number;
  day: number;
}

const CONTEXT_SLOT = new Map<string, number>(MEASURE_CONTEXTS.map((c, i) => [c, i]));
const DECISION_SLOT = new Map<string, number>(DECISIONS.map((d, i) => [d, i]));

export class CheckService {
  /**
   * Checks answered since the last `flushCounts`, for the transparency dashboard: per GBA day (day number) of
   * the answer, one counter per context × decision. Counting is an array increment on the check path.
   */
  private tally = new Map<number, number[]>();

  constructor(private readonly deps: { db: Db; policy: Pick<PolicyService, 'decisionIndex' | 'builtIndex' | 'today'>; identifierRules: IdentifierRules }) {}

  /**
   * One check. Throws INVALID_REQUEST (unknown context, bad date), INVALID_ENTITY_REF or ENTITY_NOT_FOUND.
   * Answered synchronously when the index is built and holds the answer (nearly every check), else a promise.
   */
  check(request: CheckRequest, principal?: Principal): CheckResult | Promise<CheckResult> {
    if (principal) requireAccess(principal, 'checks.run', { context: request.context });
    const index = this.deps.policy.builtIndex();
    return index ? this.answer(index, request) : this.deps.policy.decisionIndex().then((built) => this.answer(built, request));
  }

  /** Up to `MAX_BATCH` checks, each answered or refused on its own. */
  async checkBatch(requests: readonly CheckRequest[], principal?: Principal): Promise<BatchAnswer[]> {
    if (requests.length > MAX_BATCH) {
      throw new DomainError('INVALID_REQUEST', `a batch holds at most ${MAX_BATCH} checks, not ${requests.length}`, [{ field: 'checks', reason: 'too many' }]);
    }
    const index = await this.deps.policy.decisionIndex();
    const answers: BatchAnswer[] = [];
    for (const request of requests) {
      try {
        if (principal) requireAccess(principal, 'checks.run', { context: request.context });
        answers.push({ ok: true, result: await this.answer(index, request) });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        answers.push({ ok: false, error });
      }
    }
    return answers;
  }

  /**
   * The answer straight from the index (the hot path: synchronous, no query), or undefined when the entity
   * must be evaluated from its records first. Throws like `check` for a bad request.
   */
  tryCheck(index: DecisionIndex, request: CheckRequest): CheckResult | undefined {
    return this.fromIndex(index, this.parse(index, request));
  }

  /**
   * Adds the checks counted in memory to the stored counts (`check_counts`) in one statement; the server does
   * this every few seconds and on close. Counts that fail to be written are kept for the next flush.
   */
  async flushCounts(): Promise<void> {
    if (this.tally.size === 0) return;
    const tally = this.tally;
    this.tally = new Map();
    const rows: CheckCountRow[] = [];
    for (const [day, counts] of tally) {
      counts.forEach((count, i) => {
        if (count > 0) rows.push({ day: fromDay(day), context: MEASURE_CONTEXTS[Math.floor(i / DECISIONS.length)]!, decision: DECISIONS[i % DECISIONS.length]!, count });
      });
    }
    try {
      await addCheckCounts(this.deps.db, rows);
    } catch (error) {
      for (const [day, counts] of tally) {
        const kept = this.countsOf(day);
        counts.forEach((count, i) => (kept[i]! += count));
      }
      throw error;
    }
  }

  /** From the index when it holds the answer (synchronously), else evaluated from the entity's records. */
  private answer(index: DecisionIndex, request: CheckRequest): CheckResult | Promise<CheckResult> {
    const q = this.parse(index, request);
    const result = this.fromIndex(index, q);
    return result ? this.counted(q, result) : this.evaluate(index, q).then((evaluated) => this.counted(q, evaluated));
  }

  private counted(q: ParsedCheck, result: CheckResult): CheckResult {
    this.countsOf(this.deps.policy.today())[q.context * DECISIONS.length + DECISION_SLOT.get(result.decision)!]!++;
    return result;
  }

  private countsOf(day: number): number[] {
    let counts = this.tally.get(day);
    if (!counts) this.tally.set(day, (counts = new Array<number>(MEASURE_CONTEXTS.length * DECISIONS.length).fill(0)));
    return counts;
  }

  private fromIndex(index: DecisionIndex, q: ParsedCheck): CheckResult | undefined {
    const outcome = index.outcomeOn(q.slot, q.day, q.context);
    return outcome && toResult(outcome, index.pack.version, q.day);
  }

  private parse(index: DecisionIndex, request: CheckRequest): ParsedCheck {
    const context = CONTEXT_SLOT.get(request.context);
    if (context === undefined) {
      throw new DomainError('INVALID_REQUEST', `unknown context "${request.context}"; known contexts: ${MEASURE_CONTEXTS.join(', ')}`, [
        { field: 'context', reason: `must be one of ${MEASURE_CONTEXTS.join(', ')}` },
      ]);
    }
    if (request.at !== undefined && !isCalendarDate(request.at)) {
      throw new DomainError('INVALID_REQUEST', `at must be a date YYYY-MM-DD, not "${request.at}"`, [{ field: 'at', reason: 'not a calendar date' }]);
    }
    const slot = findSlot(index, request.entity, this.deps.identifierRules);
    if (slot instanceof DomainError) throw slot;
    return { slot, context, day: request.at === undefined ? this.deps.policy.today() : toDay(request.at) };
  }

  /** Evaluates the entity from its records; a result for today replaces the stale one in the index. */
  private async evaluate(index: DecisionIndex, q: ParsedCheck): Promise<CheckResult> {
    const id = index.entityIdOf(q.slot);
    const [input] = await loadEvaluationInputs(this.deps.db, [id]);
    if (!input) throw new DomainError('ENTITY_NOT_FOUND', `no entity ${id} in this node's register`);
    const evaluated = evaluateForIndex(index.pack, input, q.day);
    if (q.day === this.deps.policy.today()) index.store(q.slot, q.day, evaluated);
    return toResult(evaluated.outcomes[MEASURE_CONTEXTS[q.context]!], index.pack.version, q.day);
  }
}

/**
 * The index slot of the entity `ref` names, or the error refusing the reference (INVALID_ENTITY_REF,
 * ENTITY_NOT_FOUND), returned rather than thrown so bulk callers can collect one problem per reference.
 * A reference already in normal form (what systems send) is found as is; others are parsed and normalised.
 */
export function findSlot(index: DecisionIndex, ref: string, rules: IdentifierRules): number | DomainError {
  const slot = index.slotOf(ref);
  if (slot !== undefined) return slot;
  const parsed = parseEntityRef(ref, rules);
  if (!parsed.ok) return new DomainError('INVALID_ENTITY_REF', `invalid entity reference "${ref}": ${parsed.reason}`, [{ field: 'entity', reason: parsed.reason }]);
  const key = parsed.ref.kind === 'id' ? parsed.ref.id : formatIdentifier(parsed.ref.identifier);
  return index.slotOf(key) ?? new DomainError('ENTITY_NOT_FOUND', `no entity ${key} in this node's register`);
}

function toResult(outcome: IndexedOutcome, policyVersion: string, day: number): CheckResult {
  const { decision, measures, facilitations, disputed } = outcome;
  return { decision, measures, facilitations, disputed, policyVersion, evaluatedAt: fromDay(day) };
}
