import { CHINESE_BRANCH_MARKERS, lastInnerLegalFormEnd } from './legal-forms.js';

/** Traditional spellings of the forms that can end a parent name, mapped to Simplified of equal length. */
const TRADITIONAL_FORM_CHARS: Readonly<Record<string, string>> = { 責: '责', 資: '资', 眾: '众', 兩: '两' };

/**
 * The name of the entity a Mainland branch belongs to, read off the branch's own name: a branch name
 * begins with its enterprise's full name and ends with 分公司 / 分行 / 支行 (BRIEF §3.1). Returns that
 * leading full name, as written, or `null` when the name is not a branch name or has no legal form to
 * tell where the parent's name ends. Callers check whether an entity with that name exists before
 * proposing the `branch-of` relation.
 *
 * @example
 * branchParentName('中国银行股份有限公司广州分行') // '中国银行股份有限公司'
 * branchParentName('腾讯科技（深圳）有限公司上海分公司') // '腾讯科技（深圳）有限公司'
 * branchParentName('招商银行股份有限公司') // null
 */
export function branchParentName(name: string): string | null {
  const trimmed = name.trim();
  const marker = CHINESE_BRANCH_MARKERS.find((m) => trimmed.endsWith(m));
  if (marker === undefined) return null;
  // Search on a same-length Simplified copy so the cut falls at the same offset in the original; the
  // marker is left out so that a location must stand between the parent name and it.
  let simplified = '';
  for (const ch of trimmed.slice(0, -marker.length)) simplified += TRADITIONAL_FORM_CHARS[ch] ?? ch;
  const end = lastInnerLegalFormEnd(simplified);
  if (end <= 0) return null;
  return trimmed.slice(0, end);
}
