/**
 * What in a pack is unchecked data rather than verified law: every `unverified` marker and every citation
 * whose article is `unverified`. Reports, simulations and docs/policy-packs.md list these so that nobody
 * mistakes a placeholder for a rule.
 */
import type { PolicyPack } from './pack-schema.js';

export interface UnverifiedItem {
  /** Path in the pack, e.g. `lists[0].duration` (the section name is the file's top-level key). */
  readonly path: string;
  readonly note: string;
}

type Marked = { readonly id?: string; readonly unverified?: readonly { field: string; note: string }[] | undefined; readonly legalBasis?: readonly { instrument: string; article: string }[] };

/**
 * All unverified values of `pack`, in file order.
 * @example unverifiedItems(pack).map((i) => i.path) // ['lists[0].duration', …]
 */
export function unverifiedItems(pack: PolicyPack): UnverifiedItem[] {
  const items: UnverifiedItem[] = [];
  const sections: [string, readonly Marked[]][] = [
    ['lists', pack.lists],
    ['ratingSchemes', pack.ratingSchemes],
    ['regimes', pack.regimes],
    ['measures', pack.measures],
    ['recognition', pack.recognition],
    ['agreements', pack.agreements],
  ];
  for (const [key, entries] of sections) {
    entries.forEach((entry, i) => {
      for (const mark of entry.unverified ?? []) items.push({ path: `${key}[${i}].${mark.field}`, note: `${entry.id}: ${mark.note}` });
      entry.legalBasis?.forEach((c, k) => {
        if (c.article === 'unverified') items.push({ path: `${key}[${i}].legalBasis[${k}].article`, note: `${entry.id}: article of "${c.instrument}" not verified` });
      });
    });
  }
  for (const mark of pack.calendar.unverified ?? []) items.push({ path: `calendar.${mark.field}`, note: mark.note });
  return items;
}
