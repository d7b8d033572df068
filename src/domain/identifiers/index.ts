/**
 * The identifier domain: which schemes Credence knows, how a raw value becomes a normalised {@link Identifier},
 * and how an entity is referred to in interchange files (`scheme:value` or an internal id). Pure: the rules whose
 * formats are unverified in BRIEF are passed in as {@link IdentifierRules}.
 */
import { parseAeo } from './aeo.js';
import { parseHkBrn, parseHkCr } from './hong-kong.js';
import { parseLei } from './lei.js';
import { parseMoReg } from './macau.js';
import { normaliseCode, type ValueResult } from './normalise.js';
import { parseUscc } from './uscc.js';

export const IDENTIFIER_SCHEMES = ['uscc', 'hk-brn', 'hk-cr', 'mo-reg', 'lei', 'aeo'] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

export interface Identifier {
  scheme: IdentifierScheme;
  /** The normalised form: compare and store this, never the raw input. */
  value: string;
}

export interface IdentifierRules {
  /** Macau commercial registration number pattern (format unverified, BRIEF §3.3/§8): applied to the normalised value. */
  moRegPattern: RegExp;
  /** Hong Kong AEO code pattern (15 characters, format not published in BRIEF): applied to the normalised value. */
  hkAeoPattern: RegExp;
  /** What a USCC whose GB 32100 check character is wrong does: 'reject' (default) or 'flag' (accepted with a warning, for pilot-era codes such as 91350100M0001TGQXM). */
  usccChecksum: 'reject' | 'flag';
}

export const DEFAULT_IDENTIFIER_RULES: IdentifierRules = Object.freeze({
  moRegPattern: /^\d{1,10}$/,
  hkAeoPattern: /^HK[A-Z0-9]{13}$/,
  usccChecksum: 'reject',
});

export type IdentifierResult =
  | { ok: true; identifier: Identifier; warnings: string[] }
  | { ok: false; reason: string };

export type EntityRef = { kind: 'identifier'; identifier: Identifier } | { kind: 'id'; id: string };

const PARSERS: { [S in IdentifierScheme]: (raw: string, rules: IdentifierRules) => ValueResult } = {
  uscc: (raw, rules) => parseUscc(raw, rules.usccChecksum),
  'hk-brn': parseHkBrn,
  'hk-cr': parseHkCr,
  'mo-reg': (raw, rules) => parseMoReg(raw, rules.moRegPattern),
  lei: parseLei,
  aeo: (raw, rules) => parseAeo(raw, rules.hkAeoPattern),
};

const ENTITY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isIdentifierScheme(scheme: string): scheme is IdentifierScheme {
  return (IDENTIFIER_SCHEMES as readonly string[]).includes(scheme);
}

/**
 * Validates `raw` as an identifier of `scheme` and returns its normalised form, with warnings for anomalies a
 * person should verify in the registry (they do not block an import). The scheme name is matched
 * case-insensitively.
 *
 * @example parseIdentifier('uscc', '９１４４０３００７１５２６７２６ｘｇ', DEFAULT_IDENTIFIER_RULES)
 *   // { ok: true, identifier: { scheme: 'uscc', value: '9144030071526726XG' }, warnings: [] }
 */
export function parseIdentifier(scheme: string, raw: string, rules: IdentifierRules): IdentifierResult {
  const name = normaliseCode(scheme).toLowerCase();
  if (!isIdentifierScheme(name)) {
    return { ok: false, reason: `unknown identifier scheme '${scheme}'; use one of ${IDENTIFIER_SCHEMES.join(', ')}` };
  }
  if (normaliseCode(raw, { removeInnerSpaces: true }) === '') return { ok: false, reason: `${name} value is empty` };
  const result = PARSERS[name](raw, rules);
  if (!result.ok) return result;
  return { ok: true, identifier: { scheme: name, value: result.value }, warnings: result.warnings };
}

/** Splits `scheme:value` at the first colon (full-width ： included); undefined when there is none. */
function splitSchemeValue(ref: string): { scheme: string; value: string } | undefined {
  const text = ref.normalize('NFKC');
  const colon = text.indexOf(':');
  return colon === -1 ? undefined : { scheme: text.slice(0, colon), value: text.slice(colon + 1) };
}

/**
 * Reads a reference to an entity: `scheme:value` (e.g. `uscc:9144030071526726XG`, value in any width or case)
 * or an internal entity id (a UUID; upper-case hex is accepted and lower-cased).
 */
export function parseEntityRef(
  ref: string,
  rules: IdentifierRules,
): { ok: true; ref: EntityRef; warnings: string[] } | { ok: false; reason: string } {
  const trimmed = ref.trim();
  if (ENTITY_ID.test(trimmed.toLowerCase())) return { ok: true, ref: { kind: 'id', id: trimmed.toLowerCase() }, warnings: [] };
  const split = splitSchemeValue(trimmed);
  if (split) {
    const result = parseIdentifier(split.scheme, split.value, rules);
    if (!result.ok) return result;
    return { ok: true, ref: { kind: 'identifier', identifier: result.identifier }, warnings: result.warnings };
  }
  const guesses = identifierCandidates(trimmed, rules).map(formatIdentifier);
  const hint = guesses.length > 0 ? `; did you mean ${guesses.join(' or ')}?` : '';
  return {
    ok: false,
    reason: `entity reference must be scheme:value (e.g. uscc:9144030071526726XG) or an entity id (a UUID)${hint}`,
  };
}

/**
 * The canonical text form `scheme:value`, which {@link parseEntityRef} reads back.
 *
 * @example formatIdentifier({ scheme: 'hk-brn', value: '12345678' }) // 'hk-brn:12345678'
 */
export function formatIdentifier(identifier: { readonly scheme: string; readonly value: string }): string {
  return `${identifier.scheme}:${identifier.value}`;
}

/**
 * For search: every scheme the free-text `query` is a valid identifier of, with its normalised value. A query in
 * `scheme:value` form yields at most that one identifier. A bare number can fit several schemes (an 8-digit
 * number is a valid hk-brn, hk-cr and mo-reg); all are returned, and the caller decides how to rank them.
 */
export function identifierCandidates(query: string, rules: IdentifierRules): Identifier[] {
  const split = splitSchemeValue(query);
  const attempts = split ? [split] : IDENTIFIER_SCHEMES.map((scheme) => ({ scheme, value: query }));
  return attempts.flatMap(({ scheme, value }) => {
    const result = parseIdentifier(scheme, value, rules);
    return result.ok ? [result.identifier] : [];
  });
}
