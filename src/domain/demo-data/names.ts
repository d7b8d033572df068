import type { EntityLineInput } from '../interchange.js';
import type { RegulatoryDomain } from '../taxonomy.js';

/** One name of an entity line, as written in an import file. */
export type NameInput = EntityLineInput['names'][number];

/** A line of business: what it is called and which regulators usually deal with firms in it. */
export interface Industry {
  readonly domains: readonly RegulatoryDomain[];
}

/** The names drawn for one entity, with what they imply. */
export interface Naming<I extends Industry> {
  readonly names: NameInput[];
  readonly legalForm: string;
  readonly industry: I;
}

/** Turns an entity's earlier names into `former` names valid from registration until the change. */
export function asFormerNames(names: readonly NameInput[], validFrom: string, validTo: string): NameInput[] {
  return names.map((name) => ({ value: name.value, lang: name.lang, kind: 'former', validFrom, validTo }));
}
