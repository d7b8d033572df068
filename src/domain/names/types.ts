/** The language tag a name was registered in, when the caller knows it. */
export type NameLang = 'zh-Hans' | 'zh-Hant' | 'en' | 'pt';

/** Which matching machinery applies: Han characters are compared by n-grams, Latin names by words. */
export type NameScript = 'cjk' | 'latin' | 'empty';

/**
 * The legal form family a suffix belongs to. Families, not spellings, are compared: `Limited`, `Ltd`,
 * `有限公司` and `Limitada` are all `limited`.
 */
export type LegalFormKind =
  | 'limited'
  | 'one-person-limited'
  | 'joint-stock'
  | 'corporation'
  | 'unlimited'
  | 'partnership'
  | 'sole-proprietorship'
  | 'cooperative'
  | 'company';

/** A legal form found in a name: the folded text as written and its family. */
export interface LegalForm {
  readonly text: string;
  readonly kind: LegalFormKind;
}

/** Where a region appeared: `深圳市腾讯…` (prefix), `腾讯科技（深圳）` (bracket) or `…, Macau` (suffix). */
export type RegionForm = 'prefix' | 'bracket' | 'suffix';

/** A Mainland division or a place in brackets, kept apart from the core because it is a weaker signal. */
export interface Region {
  readonly name: string;
  readonly form: RegionForm;
}

/**
 * A name taken apart for matching. Everything but `original` is folded: Simplified, half-width, lower
 * case, without accents.
 */
export interface AnalysedName {
  readonly original: string;
  readonly lang: NameLang | undefined;
  readonly script: NameScript;
  /** The distinctive part: CJK characters without spaces, or Latin words joined by one space. */
  readonly core: string;
  /** Latin: the core words; CJK: the core as one word. */
  readonly words: readonly string[];
  readonly legalForm: LegalForm | null;
  /** Weak tokens taken out of the core: 集团, 控股, holdings, group, companhia, sociedade. */
  readonly weak: readonly string[];
  readonly region: Region | null;
  /** The branch marker (分公司, 分行, 支行, branch) when the name is a branch's. */
  readonly branch: string | null;
  /** Initials of a multi-word Latin core (`hk shanghai banking` → `hsb`), for abbreviation queries. */
  readonly acronyms: readonly string[];
}
