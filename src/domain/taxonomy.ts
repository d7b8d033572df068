/**
 * The closed taxonomy of SPEC §3. These enumerations are the whole vocabulary a record or a policy pack may
 * use: there is deliberately no value for speech, assembly, religion, opinion, online behaviour or movements
 * of people (SPEC §1.2), so no import line and no policy rule can express one.
 */

export const JURISDICTIONS = ['GD', 'HK', 'MO'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const NODE_IDS = ['gd', 'hk', 'mo'] as const;
export type NodeId = (typeof NODE_IDS)[number];

/** The jurisdiction a node serves: one node per jurisdiction. */
export function jurisdictionOfNode(node: NodeId): Jurisdiction {
  return node.toUpperCase() as Jurisdiction;
}

export const RECORD_CATEGORIES = [
  'penalty',
  'license',
  'court-enforcement',
  'rating',
  'commendation',
  'commitment',
  'disclosure-default',
] as const;
export type RecordCategory = (typeof RECORD_CATEGORIES)[number];

export const REGULATORY_DOMAINS = [
  'market',
  'tax',
  'customs',
  'environment',
  'labour',
  'work-safety',
  'food-drug',
  'construction',
  'finance',
  'procurement',
  'transport',
  'other-regulatory',
] as const;
export type RegulatoryDomain = (typeof REGULATORY_DOMAINS)[number];

export const SEVERITIES = ['minor', 'general', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RECORD_STATUSES = ['active', 'expired', 'repaired', 'revoked', 'corrected'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** Kinds of administrative penalty (行政处罚种类), as the Administrative Penalty Law groups them. */
export const PENALTY_KINDS = [
  'warning',
  'public-criticism',
  'fine',
  'confiscation',
  'qualification-downgrade',
  'licence-suspension',
  'licence-revocation',
  'production-restriction',
  'business-suspension',
  'closure',
  'employment-restriction',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const CURRENCIES = ['CNY', 'HKD', 'MOP'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const NAME_LANGS = ['zh-Hans', 'zh-Hant', 'en', 'pt'] as const;
export type NameLang = (typeof NAME_LANGS)[number];

export const NAME_KINDS = ['legal', 'former', 'trade'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export const ENTITY_STATUSES = ['active', 'dissolved', 'struck-off'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];

export const RELATION_KINDS = ['branch-of', 'subsidiary-of'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
