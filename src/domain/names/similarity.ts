import { allowedTypos, editDistance } from './edit-distance.js';
import { cjkTokens } from './cjk-tokens.js';
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
  const explanation: string[] = [];
  return { score: scorePrepared(prepareQuery(query), candidate, explanation), explanation };
}

/** A query name made ready to score many candidates: what every comparison would otherwise redo. */
export interface PreparedQuery {
  readonly name: AnalysedName;
  /** A CJK core's character bigrams and characters. */
  readonly tokens: ReadonlySet<string>;
}

export function prepareQuery(name: AnalysedName): PreparedQuery {
  return { name, tokens: new Set(name.script === 'cjk' ? cjkTokens(name.core) : []) };
}

/**
 * {@link scoreName}'s score for a prepared query; the reasons are written to `why` when it is given (a
 * search ranks hundreds of candidates and explains only the ones it returns).
 */
export function scorePrepared(prepared: PreparedQuery, candidate: AnalysedName, why?: string[]): number {
  const query = prepared.name;
  if (query.script !== candidate.script || query.script === 'empty') {
    why?.push(`different scripts: ${query.script} vs ${candidate.script}`);
    return 0;
  }
  let score = query.script === 'cjk' ? cjkCoreScore(prepared, candidate, why) : latinCoreScore(query, candidate, why);
  if (score > 0) score *= fieldFactor(query, candidate, why);
  return Math.max(0, Math.min(1, score));
}

function cjkCoreScore(prepared: PreparedQuery, c: AnalysedName, why: string[] | undefined): number {
  const q = prepared.name;
  if (q.core === c.core) {
    why?.push(q.original === c.original ? 'name equal' : 'core equal after folding (width, Traditional→Simplified, punctuation)');
    return 1;
  }
  const ql = q.core.length;
  const cl = c.core.length;
  // A candidate's tokens are made when needed, not held by the index: a name's share of them is 0.4 KB.
  const shared = dice(prepared.tokens, cjkTokens(c.core));
  let best = shared;
  let because: 'shared' | 'query contained' | 'candidate contained' | 'edits' = 'shared';
  if (ql >= 2 && c.core.includes(q.core)) {
    const s = 0.6 + (0.4 * ql) / cl;
    if (s > best) [best, because] = [s, 'query contained'];
  } else if (cl >= 2 && q.core.includes(c.core)) {
    const s = 0.5 + (0.4 * cl) / ql;
    if (s > best) [best, because] = [s, 'candidate contained'];
  }
  const longest = Math.max(ql, cl);
  const limit = Math.max(1, Math.floor(longest / 3));
  // The lengths alone bound the distance from below: skip the table when even that cannot win.
  const d = (1 - Math.abs(ql - cl) / longest) * FACTOR.cjkEdit > best ? editDistance(q.core, c.core, limit) : limit + 1;
  if (d <= limit) {
    const s = (1 - d / longest) * FACTOR.cjkEdit;
    if (s > best) [best, because] = [s, 'edits'];
  }
  if (why) {
    switch (because) {
      case 'shared':
        why.push(`core shares ${Math.round(shared * 100)}% of character bigrams and characters`);
        break;
      case 'query contained':
        why.push(`candidate core ${c.core} contains query core ${q.core}`);
        break;
      case 'candidate contained':
        why.push(`query core ${q.core} contains candidate core ${c.core}`);
        break;
      case 'edits':
        why.push(`${d} character(s) differ in core ${q.core} vs ${c.core}`);
    }
  }
  return best;
}

/** Dice coefficient over token sets: 2·|Q∩C| / (|Q|+|C|), the query's set made once. */
function dice(query: ReadonlySet<string>, candidate: readonly string[]): number {
  if (query.size === 0 || candidate.length === 0) return 0;
  let distinct = 0;
  let common = 0;
  for (let i = 0; i < candidate.length; i++) {
    const token = candidate[i]!;
    if (candidate.indexOf(token) !== i) continue;
    distinct++;
    if (query.has(token)) common++;
  }
  return (2 * common) / (query.size + distinct);
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

function latinCoreScore(q: AnalysedName, c: AnalysedName, why: string[] | undefined): number {
  if (q.core === c.core) {
    why?.push(q.original === c.original ? 'name equal' : 'core equal after folding (case, accents, punctuation, legal form)');
    return 1;
  }
  const used = c.words.map(() => false);
  let matched = 0;
  let lastIndex = -1;
  let inOrder = true;
  const typos: { word: string; m: WordMatch }[] = [];
  for (const word of q.words) {
    const m = bestWordMatch(word, c.words, used);
    if (m === null) continue;
    used[m.index] = true;
    matched += m.similarity;
    if (m.index < lastIndex) inOrder = false;
    lastIndex = m.index;
    if (m.typos > 0) typos.push({ word, m });
  }
  const wordShare = (2 * matched) / (q.words.length + c.words.length);
  let best = inOrder ? wordShare : wordShare * FACTOR.wordOrder;
  let because: 'words' | 'joined' | 'abbreviation' = 'words';

  const qJoined = q.words.join('');
  const cJoined = c.words.join('');
  // Only when spacing differs: otherwise a one-letter change between short words (Hing/Hang) would
  // slip past the per-word typo limit.
  const joinedLimit = q.words.length === c.words.length ? -1 : allowedTypos(qJoined.length);
  const d = qJoined === cJoined ? 0 : editDistance(qJoined, cJoined, Math.max(0, joinedLimit));
  if (d <= joinedLimit) {
    const s = FACTOR.joinedWords * (1 - FACTOR.typo * d);
    if (s > best) [best, because] = [s, 'joined'];
  }
  const acronymMatch =
    (q.words.length === 1 && c.acronyms.includes(qJoined)) || (c.words.length === 1 && q.acronyms.includes(cJoined));
  if (acronymMatch && FACTOR.acronym > best) [best, because] = [FACTOR.acronym, 'abbreviation'];
  if (why === undefined) return best;
  if (because === 'joined') why.push(d === 0 ? 'same letters, spaced differently' : `${d} typo(s) across words`);
  else if (because === 'abbreviation') why.push(`abbreviation: "${q.words.length === 1 ? qJoined : cJoined}" = initials of the other name`);
  else {
    for (const { word, m } of typos) why.push(`${m.typos} typo${m.typos > 1 ? 's' : ''} in "${word}" (≈ "${c.words[m.index]}")`);
    why.push(`${Math.round(wordShare * 100)}% of words match`);
    if (!inOrder) why.push('word order differs');
  }
  return best;
}

/** Multiplier from region, legal form, weak words and branch markers, with a note for each. */
function fieldFactor(q: AnalysedName, c: AnalysedName, why: string[] | undefined): number {
  let factor = 1;
  if (q.region && c.region) {
    if (q.region.name === c.region.name) {
      why?.push(
        q.region.form === c.region.form
          ? `region ${q.region.name} matches`
          : `region ${q.region.name} matches ${c.region.form} region (query has it as ${q.region.form})`,
      );
    } else {
      factor *= FACTOR.regionDiffers;
      why?.push(`region differs: ${q.region.name} vs ${c.region.name}`);
    }
  } else if (q.region || c.region) {
    factor *= FACTOR.regionOneSided;
    why?.push(q.region ? `region ${q.region.name} not in candidate` : `candidate region ${c.region?.name} not in query`);
  }

  if (q.legalForm && c.legalForm) {
    if (q.legalForm.kind !== c.legalForm.kind) {
      factor *= FACTOR.legalFamilyDiffers;
      why?.push(`legal form differs: ${q.legalForm.text} (${q.legalForm.kind}) vs ${c.legalForm.text} (${c.legalForm.kind})`);
    } else if (q.legalForm.text !== c.legalForm.text) {
      why?.push(`legal form differs: ${q.legalForm.text} vs ${c.legalForm.text} (ignored)`);
    }
  } else if (q.legalForm || c.legalForm) {
    why?.push('legal form missing on one side (ignored)');
  }

  const onlyOneSide = [...q.weak.filter((w) => !c.weak.includes(w)), ...c.weak.filter((w) => !q.weak.includes(w))];
  if (onlyOneSide.length > 0) {
    factor *= FACTOR.weakWord ** onlyOneSide.length;
    why?.push(`weak word(s) on one side only: ${onlyOneSide.join(', ')}`);
  }

  if (q.branch !== c.branch && (q.branch === null || c.branch === null)) {
    factor *= FACTOR.branchOneSided;
    why?.push(c.branch ? `candidate is a branch (${c.branch})` : `query names a branch (${q.branch})`);
  }
  return factor;
}
