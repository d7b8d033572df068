import { allowedTypos, editDistance } from './edit-distance.js';
import type { AnalysedName } from './types.js';

/** A score in [0, 1] and the features that produced it, in words a reviewer can check. */
export interface NameScore {
  readonly score: number;
  readonly explanation: string[];
}

/** Scores at or above this are reported as the same name (`match: true`). */
export const NAME_MATCH_THRESHOLD = 0.8;

/** Multipliers for the weaker fields; tuned on the evaluation set in test/fixtures/search. */
const FACTOR = {
  regionDiffers: 0.8,
  regionOneSided: 0.97,
  legalFamilyDiffers: 0.95,
  weakWord: 0.96,
  branchOneSided: 0.85,
  wordOrder: 0.9,
  typo: 0.12,
  joinedWords: 0.97,
  acronym: 0.88,
  cjkEdit: 0.95,
} as const;

/**
 * Scores how likely two names denote the same entity, with reasons. The core decides (CJK by character
 * bigrams, containment and edit distance; Latin by words with typo tolerance, word order, spacing and
 * initials); region, legal form, weak words and branch markers adjust it a little, because they are
 * often missing or written differently for the same company.
 *
 * @example
 * scoreName(analyseName('腾讯科技（深圳）有限公司'), analyseName('深圳市騰訊科技有限公司'))
 * // { score: 1, explanation: ['core equal after folding …', 'region 深圳 matches (prefix vs bracket)'] }
 */
export function scoreName(query: AnalysedName, candidate: AnalysedName): NameScore {
  if (query.script !== candidate.script || query.script === 'empty') {
    return { score: 0, explanation: [`different scripts: ${query.script} vs ${candidate.script}`] };
  }
  const explanation: string[] = [];
  let score =
    query.script === 'cjk' ? cjkCoreScore(query, candidate, explanation) : latinCoreScore(query, candidate, explanation);
  if (score > 0) score *= fieldFactor(query, candidate, explanation);
  return { score: Math.max(0, Math.min(1, score)), explanation };
}

function cjkCoreScore(q: AnalysedName, c: AnalysedName, why: string[]): number {
  if (q.core === c.core) {
    why.push(q.original === c.original ? 'name equal' : 'core equal after folding (width, Traditional→Simplified, punctuation)');
    return 1;
  }
  const ql = q.core.length;
  const cl = c.core.length;
  let best = dice(q.tokens, c.tokens);
  let reason = `core shares ${Math.round(best * 100)}% of character bigrams and characters`;
  if (ql >= 2 && c.core.includes(q.core)) {
    const s = 0.6 + (0.4 * ql) / cl;
    if (s > best) [best, reason] = [s, `candidate core ${c.core} contains query core ${q.core}`];
  } else if (cl >= 2 && q.core.includes(c.core)) {
    const s = 0.5 + (0.4 * cl) / ql;
    if (s > best) [best, reason] = [s, `query core ${q.core} contains candidate core ${c.core}`];
  }
  const longest = Math.max(ql, cl);
  const limit = Math.max(1, Math.floor(longest / 3));
  const d = editDistance(q.core, c.core, limit);
  if (d <= limit) {
    const s = (1 - d / longest) * FACTOR.cjkEdit;
    if (s > best) [best, reason] = [s, `${d} character(s) differ in core ${q.core} vs ${c.core}`];
  }
  why.push(reason);
  return best;
}

/** Dice coefficient over token sets: 2·|Q∩C| / (|Q|+|C|). */
function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setB = new Set(b);
  const setA = new Set(a);
  let common = 0;
  for (const t of setA) if (setB.has(t)) common++;
  return (2 * common) / (setA.size + setB.size);
}

/** How one query word matched a candidate word: similarity and, for typos, the edit count. */
interface WordMatch {
  readonly index: number;
  readonly similarity: number;
  readonly typos: number;
}

function bestWordMatch(word: string, candidates: readonly string[], used: readonly boolean[]): WordMatch | null {
  let best: WordMatch | null = null;
  const limit = allowedTypos(word.length);
  for (let i = 0; i < candidates.length; i++) {
    if (used[i]) continue;
    const other = candidates[i] as string;
    if (other === word) return { index: i, similarity: 1, typos: 0 };
    if (limit === 0 || allowedTypos(other.length) === 0) continue;
    const d = editDistance(word, other, limit);
    if (d <= limit) {
      const similarity = 1 - FACTOR.typo * d;
      if (best === null || similarity > best.similarity) best = { index: i, similarity, typos: d };
    }
  }
  return best;
}

function latinCoreScore(q: AnalysedName, c: AnalysedName, why: string[]): number {
  if (q.core === c.core) {
    why.push(q.original === c.original ? 'name equal' : 'core equal after folding (case, accents, punctuation, legal form)');
    return 1;
  }
  const used = c.words.map(() => false);
  let matched = 0;
  let lastIndex = -1;
  let inOrder = true;
  const typoNotes: string[] = [];
  for (const word of q.words) {
    const m = bestWordMatch(word, c.words, used);
    if (m === null) continue;
    used[m.index] = true;
    matched += m.similarity;
    if (m.index < lastIndex) inOrder = false;
    lastIndex = m.index;
    if (m.typos > 0) typoNotes.push(`${m.typos} typo${m.typos > 1 ? 's' : ''} in "${word}" (≈ "${c.words[m.index]}")`);
  }
  let best = (2 * matched) / (q.words.length + c.words.length);
  let reasons = [...typoNotes, `${Math.round(best * 100)}% of words match`];
  if (!inOrder) {
    best *= FACTOR.wordOrder;
    reasons.push('word order differs');
  }

  const qJoined = q.words.join('');
  const cJoined = c.words.join('');
  // Only when spacing differs: otherwise a one-letter change between short words (Hing/Hang) would
  // slip past the per-word typo limit.
  const joinedLimit = q.words.length === c.words.length ? -1 : allowedTypos(qJoined.length);
  const d = qJoined === cJoined ? 0 : editDistance(qJoined, cJoined, Math.max(0, joinedLimit));
  if (d <= joinedLimit) {
    const s = FACTOR.joinedWords * (1 - FACTOR.typo * d);
    if (s > best) [best, reasons] = [s, [d === 0 ? 'same letters, spaced differently' : `${d} typo(s) across words`]];
  }
  const acronymMatch =
    (q.words.length === 1 && c.acronyms.includes(qJoined)) || (c.words.length === 1 && q.acronyms.includes(cJoined));
  if (acronymMatch && FACTOR.acronym > best) {
    [best, reasons] = [FACTOR.acronym, [`abbreviation: "${q.words.length === 1 ? qJoined : cJoined}" = initials of the other name`]];
  }
  why.push(...reasons);
  return best;
}

/** Multiplier from region, legal form, weak words and branch markers, with a note for each. */
function fieldFactor(q: AnalysedName, c: AnalysedName, why: string[]): number {
  let factor = 1;
  if (q.region && c.region) {
    if (q.region.name === c.region.name) {
      why.push(
        q.region.form === c.region.form
          ? `region ${q.region.name} matches`
          : `region ${q.region.name} matches ${c.region.form} region (query has it as ${q.region.form})`,
      );
    } else {
      factor *= FACTOR.regionDiffers;
      why.push(`region differs: ${q.region.name} vs ${c.region.name}`);
    }
  } else if (q.region || c.region) {
    factor *= FACTOR.regionOneSided;
    why.push(q.region ? `region ${q.region.name} not in candidate` : `candidate region ${c.region?.name} not in query`);
  }

  if (q.legalForm && c.legalForm) {
    if (q.legalForm.kind !== c.legalForm.kind) {
      factor *= FACTOR.legalFamilyDiffers;
      why.push(`legal form differs: ${q.legalForm.text} (${q.legalForm.kind}) vs ${c.legalForm.text} (${c.legalForm.kind})`);
    } else if (q.legalForm.text !== c.legalForm.text) {
      why.push(`legal form differs: ${q.legalForm.text} vs ${c.legalForm.text} (ignored)`);
    }
  } else if (q.legalForm || c.legalForm) {
    why.push('legal form missing on one side (ignored)');
  }

  const onlyOneSide = [...q.weak.filter((w) => !c.weak.includes(w)), ...c.weak.filter((w) => !q.weak.includes(w))];
  if (onlyOneSide.length > 0) {
    factor *= FACTOR.weakWord ** onlyOneSide.length;
    why.push(`weak word(s) on one side only: ${onlyOneSide.join(', ')}`);
  }

  if (q.branch !== c.branch && (q.branch === null || c.branch === null)) {
    factor *= FACTOR.branchOneSided;
    why.push(c.branch ? `candidate is a branch (${c.branch})` : `query names a branch (${q.branch})`);
  }
  return factor;
}
