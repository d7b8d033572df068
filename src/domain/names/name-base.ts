import { findString, listAt, stringAt, stringCount, type NumberLists, type StringList, type StringTable } from './frozen-tables.js';
import type { SearchableEntity } from './name-index.js';
import type { AnalysedName, LegalFormKind, NameLang, NameScript, RegionForm } from './types.js';

/**
 * The frozen part of a loaded name index, in typed arrays (see {@link BASE_SHAPE}); a name slot, entity,
 * key or identifier is a number into them. Names are kept encoded ({@link encodeName}) and decoded only
 * when a search scores or shows them.
 */
export interface NameBaseArrays {
  /** Per name slot: its entity's number, or -1 for a slot emptied before the snapshot. */
  readonly slotEntities: Int32Array;
  /** Per name slot: its encoded {@link AnalysedName} ('' when emptied). */
  readonly names: StringList;
  /** Blocking keys (`c:…`, `b:…`, `w:…`, `a:…`) and their name slots, ascending. */
  readonly keys: StringTable;
  readonly postings: NumberLists;
  /** Typo variants and the numbers of the `w:` keys of the words that have them. */
  readonly variants: StringTable;
  readonly variantKeys: NumberLists;
  /** Normalised `scheme:value` and the number of the entity it finds (-1: none). */
  readonly identifiers: StringTable;
  readonly identifierEntities: Int32Array;
  /** Per entity: its id, jurisdiction number, name slots, and identifier numbers in the order it holds them. */
  readonly entityIds: StringTable;
  readonly entityJurisdictions: Uint8Array;
  readonly entitySlots: NumberLists;
  readonly entityIdentifiers: NumberLists;
}

const STRING_LIST = { text: Uint16Array, starts: Uint32Array } as const;
const STRING_TABLE = { ...STRING_LIST, buckets: Int32Array } as const;
const NUMBER_LISTS = { starts: Uint32Array, values: Int32Array } as const;

/** {@link NameBaseArrays} as a snapshot lays it out: each typed array's kind, in this order. */
export const BASE_SHAPE = {
  slotEntities: Int32Array,
  names: STRING_LIST,
  keys: STRING_TABLE,
  postings: NUMBER_LISTS,
  variants: STRING_TABLE,
  variantKeys: NUMBER_LISTS,
  identifiers: STRING_TABLE,
  identifierEntities: Int32Array,
  entityIds: STRING_TABLE,
  entityJurisdictions: Uint8Array,
  entitySlots: NUMBER_LISTS,
  entityIdentifiers: NUMBER_LISTS,
} as const;

/**
 * A loaded base and what happened to it since: which of its entities were removed or re-indexed (their
 * slots are emptied in the index's `slotJurisdictions`), and which of its identifier keys the live part
 * of the index deleted or filed again, so that the base's answer for them no longer holds.
 */
export interface NameBase {
  readonly arrays: NameBaseArrays;
  /** Jurisdiction number − 1 → jurisdiction. */
  readonly jurisdictions: readonly string[];
  readonly gone: Set<number>;
  readonly hiddenIdentifiers: Set<string>;
}

export function baseSlotCount(base: NameBase): number {
  return base.arrays.slotEntities.length;
}

/** The base's name slots filed under `key`, a view. */
export function basePostings(base: NameBase, key: string): Int32Array | undefined {
  const n = findString(base.arrays.keys, key);
  return n < 0 ? undefined : listAt(base.arrays.postings, n);
}

/** The base's words (without `w:`) that have typo variant `variant`. */
export function baseTypoWords(base: NameBase, variant: string): string[] {
  const n = findString(base.arrays.variants, variant);
  return n < 0 ? [] : Array.from(listAt(base.arrays.variantKeys, n), (key) => stringAt(base.arrays.keys, key).slice(2));
}

/** The id of the entity the base files identifier `key` under, unless the live part took the key over. */
export function baseIdentifierOwner(base: NameBase, key: string): string | undefined {
  if (base.hiddenIdentifiers.has(key)) return undefined;
  const n = findString(base.arrays.identifiers, key);
  const entity = n < 0 ? -1 : base.arrays.identifierEntities[n]!;
  return entity < 0 ? undefined : stringAt(base.arrays.entityIds, entity);
}

/** The name in a live base slot. */
export function baseName(base: NameBase, slot: number): { entityId: string; analysed: AnalysedName } {
  return { entityId: stringAt(base.arrays.entityIds, base.arrays.slotEntities[slot]!), analysed: decodeName(stringAt(base.arrays.names, slot)) };
}

/** The number of a base entity not gone since loading, or -1. */
export function liveBaseEntity(base: NameBase, entityId: string): number {
  const n = findString(base.arrays.entityIds, entityId);
  return n < 0 || base.gone.has(n) ? -1 : n;
}

/** The ids of the base's entities not gone since loading. */
export function* liveBaseEntityIds(base: NameBase): Generator<string> {
  const count = baseEntityCount(base);
  for (let n = 0; n < count; n++) if (!base.gone.has(n)) yield stringAt(base.arrays.entityIds, n);
}

/** How many entities the base holds, gone ones included. */
export function baseEntityCount(base: NameBase): number {
  return stringCount(base.arrays.entityIds);
}

/** A base entity's name slots, a view. */
export function baseEntitySlots(base: NameBase, n: number): Int32Array {
  return listAt(base.arrays.entitySlots, n);
}

/** A base entity's identifier keys (`scheme:value`), in the order it holds them. */
export function baseEntityIdentifiers(base: NameBase, n: number): string[] {
  return Array.from(listAt(base.arrays.entityIdentifiers, n), (i) => stringAt(base.arrays.identifiers, i));
}

/** A base entity as it was indexed, rebuilt from its slots and identifiers. */
export function baseEntity(base: NameBase, n: number): SearchableEntity {
  return {
    id: stringAt(base.arrays.entityIds, n),
    jurisdiction: base.jurisdictions[base.arrays.entityJurisdictions[n]! - 1]!,
    names: Array.from(baseEntitySlots(base, n), (slot) => {
      const { original, lang } = decodeName(stringAt(base.arrays.names, slot));
      return lang === undefined ? { value: original } : { value: original, lang };
    }),
    identifiers: baseEntityIdentifiers(base, n).map((key) => {
      // Scheme names hold no colon; a value may.
      const colon = key.indexOf(':');
      return { scheme: key.slice(0, colon), value: key.slice(colon + 1) };
    }),
  };
}

/** Every value of a string union in a fixed order (the order codes them); the record makes the compiler check that none is missing. */
function valuesOf<T extends string>(all: Record<T, 0>): readonly T[] {
  return Object.keys(all) as T[];
}

const LANGS = valuesOf<NameLang>({ 'zh-Hans': 0, 'zh-Hant': 0, en: 0, pt: 0 });
const SCRIPTS = valuesOf<NameScript>({ cjk: 0, latin: 0, empty: 0 });
const KINDS = valuesOf<LegalFormKind>({
  limited: 0, 'one-person-limited': 0, 'joint-stock': 0, corporation: 0, unlimited: 0, partnership: 0, 'sole-proprietorship': 0, cooperative: 0, company: 0,
});
const FORMS = valuesOf<RegionForm>({ prefix: 0, bracket: 0, suffix: 0 });
/** Between fields, and between the items of a list field: no folded field holds a control character. */
const FIELD = '\u0000';
const ITEM = '\u0001';
const FIELDS_BEFORE_ORIGINAL = 6;

/**
 * An analysed name as one string: four code units (language, script, legal-form family and region form,
 * each 0 for none or its place in the lists above + 1), then core, legal-form text, weak words, region,
 * branch, acronyms and, last because it may hold any character, the original. The words are not stored:
 * a CJK name's are its core, a Latin name's its core split at spaces.
 */
export function encodeName(name: AnalysedName): string {
  return [
    code(LANGS, name.lang) + code(SCRIPTS, name.script) + code(KINDS, name.legalForm?.kind) + code(FORMS, name.region?.form) + name.core,
    name.legalForm?.text ?? '',
    name.weak.join(ITEM),
    name.region?.name ?? '',
    name.branch ?? '',
    name.acronyms.join(ITEM),
    name.original,
  ].join(FIELD);
}

/** A value's code: its place in `values` + 1, or 0 for none. */
function code<T>(values: readonly T[], value: T | undefined): string {
  return String.fromCharCode(value === undefined ? 0 : values.indexOf(value) + 1);
}

/** The name {@link encodeName} encoded: a split and a few small objects. */
export function decodeName(text: string): AnalysedName {
  let end = 4;
  for (let i = 0; i < FIELDS_BEFORE_ORIGINAL; i++) end = text.indexOf(FIELD, end) + 1;
  const [core, legalText, weak, regionName, branch, acronyms] = text.slice(4, end - 1).split(FIELD) as [string, string, string, string, string, string];
  const script = SCRIPTS[text.charCodeAt(1) - 1]!;
  const kind = KINDS[text.charCodeAt(2) - 1];
  const form = FORMS[text.charCodeAt(3) - 1];
  return {
    original: text.slice(end),
    lang: LANGS[text.charCodeAt(0) - 1],
    script,
    core,
    words: script === 'cjk' ? [core] : script === 'latin' ? core.split(' ') : [],
    legalForm: kind === undefined ? null : { text: legalText, kind },
    weak: weak === '' ? [] : weak.split(ITEM),
    region: form === undefined ? null : { name: regionName, form },
    branch: branch === '' ? null : branch,
    acronyms: acronyms === '' ? [] : acronyms.split(ITEM),
  };
}
