import type { LegalForm, LegalFormKind } from './types.js';

/**
 * Chinese legal-form endings (Simplified, since names are folded first), longest first so that
 * `股份有限公司` wins over `有限公司`. Covers the Company Law forms (BRIEF §3.1), HK `有限公司 / 無限公司 /
 * 公眾有限公司` (§3.2) and the Macau Chinese forms (§3.3).
 */
export const CHINESE_LEGAL_FORMS: ReadonlyArray<readonly [string, LegalFormKind]> = [
  ['农民专业合作社', 'cooperative'],
  ['一人有限公司', 'one-person-limited'],
  ['有限责任公司', 'limited'],
  ['股份有限公司', 'joint-stock'],
  ['公众有限公司', 'joint-stock'],
  ['个人独资企业', 'sole-proprietorship'],
  ['股份两合公司', 'partnership'],
  ['一般两合公司', 'partnership'],
  ['专业合作社', 'cooperative'],
  ['有限公司', 'limited'],
  ['股份公司', 'joint-stock'],
  ['无限公司', 'unlimited'],
  ['合伙企业', 'partnership'],
  ['两合公司', 'partnership'],
  ['合作社', 'cooperative'],
  ['公司', 'company'],
];

/** Partnership kinds written in brackets: 某某投资合伙企业（有限合伙）. */
export const CHINESE_BRACKETED_FORMS: Readonly<Record<string, LegalFormKind>> = {
  有限合伙: 'partnership',
  普通合伙: 'partnership',
  特殊普通合伙: 'partnership',
};

/** Branch markers at the end of a Mainland branch name (BRIEF §3.1). */
export const CHINESE_BRANCH_MARKERS = ['分公司', '分行', '支行'] as const;

/**
 * Words that often distinguish a group company from its subsidiary but are dropped by registries'
 * "same name" tests and by people typing queries; kept aside so a mismatch costs a little, not a lot.
 */
export const CHINESE_WEAK_TOKENS = ['集团', '控股'] as const;

/**
 * Latin legal-form endings as folded word sequences (after initials are joined, so `S.A.R.L.` is
 * `sarl`), longest first. English (HK), Portuguese (Macau) and the usual foreign forms.
 */
export const LATIN_LEGAL_FORMS: ReadonlyArray<readonly [readonly string[], LegalFormKind]> = [
  [['sociedade', 'unipessoal', 'limitada'], 'one-person-limited'],
  [['sociedade', 'unipessoal', 'lda'], 'one-person-limited'],
  [['sociedade', 'em', 'nome', 'colectivo'], 'unlimited'],
  [['sociedade', 'em', 'comandita', 'por', 'accoes'], 'partnership'],
  [['sociedade', 'em', 'comandita'], 'partnership'],
  [['public', 'limited', 'company'], 'joint-stock'],
  [['and', 'company', 'limited'], 'limited'],
  [['company', 'limited'], 'limited'],
  [['sociedade', 'anonima'], 'joint-stock'],
  [['unipessoal', 'limitada'], 'one-person-limited'],
  [['unipessoal', 'lda'], 'one-person-limited'],
  [['co', 'limited'], 'limited'],
  [['co', 'ltd'], 'limited'],
  [['company', 'ltd'], 'limited'],
  [['and', 'company'], 'company'],
  [['and', 'co'], 'company'],
  [['limited'], 'limited'],
  [['ltd'], 'limited'],
  [['limitada'], 'limited'],
  [['lda'], 'limited'],
  [['ltda'], 'limited'],
  [['llc'], 'limited'],
  [['unlimited'], 'unlimited'],
  [['plc'], 'joint-stock'],
  [['sa'], 'joint-stock'],
  [['sarl'], 'joint-stock'],
  [['snc'], 'unlimited'],
  [['sca'], 'partnership'],
  [['corporation'], 'corporation'],
  [['corp'], 'corporation'],
  [['incorporated'], 'corporation'],
  [['inc'], 'corporation'],
  [['company'], 'company'],
  [['co'], 'company'],
];

/** Latin words treated like 集团: `Holdings`, `Group`, and the Portuguese `Companhia` / `Sociedade`. */
export const LATIN_WEAK_TOKENS: ReadonlySet<string> = new Set([
  'holdings',
  'holding',
  'group',
  'companhia',
  'sociedade',
]);

/**
 * Strips the longest Chinese legal form ending `text`.
 *
 * @example stripChineseLegalForm('招商银行股份有限公司') // { rest: '招商银行', form: { text: '股份有限公司', kind: 'joint-stock' } }
 */
export function stripChineseLegalForm(text: string): { rest: string; form: LegalForm | null } {
  for (const [suffix, kind] of CHINESE_LEGAL_FORMS) {
    if (text.endsWith(suffix) && text.length > suffix.length) {
      return { rest: text.slice(0, -suffix.length), form: { text: suffix, kind } };
    }
  }
  return { rest: text, form: null };
}

/**
 * Finds the end of the last Chinese legal form inside `text` that is followed by more text: the point
 * where a branch name's parent name ends (中国银行股份有限公司|广州分行). Returns -1 when there is none.
 */
export function lastInnerLegalFormEnd(text: string): number {
  let best = -1;
  for (const [suffix] of CHINESE_LEGAL_FORMS) {
    if (suffix === '公司') continue; // too short to delimit a parent name reliably (分公司 contains it)
    const at = text.lastIndexOf(suffix);
    if (at > 0 && at + suffix.length < text.length) best = Math.max(best, at + suffix.length);
  }
  return best;
}

/**
 * Strips the longest Latin legal form from the end of a word list.
 *
 * @example stripLatinLegalForm(['wing', 'hing', 'co', 'ltd']) // { rest: ['wing', 'hing'], form: { text: 'co ltd', kind: 'limited' } }
 */
export function stripLatinLegalForm(words: readonly string[]): { rest: string[]; form: LegalForm | null } {
  const outer = stripOneLatinForm(words);
  if (outer.form === null) return outer;
  // Forms stack: `Corporation Limited`, `Company Limited`; the outer one is the legal family.
  const inner = stripOneLatinForm(outer.rest);
  if (inner.form === null) return outer;
  return { rest: inner.rest, form: { text: `${inner.form.text} ${outer.form.text}`, kind: outer.form.kind } };
}

function stripOneLatinForm(words: readonly string[]): { rest: string[]; form: LegalForm | null } {
  for (const [suffix, kind] of LATIN_LEGAL_FORMS) {
    const start = words.length - suffix.length;
    if (start <= 0 || !suffix.every((w, i) => words[start + i] === w)) continue;
    return { rest: words.slice(0, start), form: { text: suffix.join(' '), kind } };
  }
  return { rest: [...words], form: null };
}
