/**
 * The closed vocabulary of policy packs (SPEC §4): where a measure applies, what it does, and what kinds of
 * list exist. Like the record taxonomy, these are closed on purpose: a pack cannot invent a new context or
 * effect, so every consequence the platform can produce is enumerated here and reviewable.
 */

/** Points of service a measure can apply at. `public-works-tendering` exists for the HK Development Bureau only. */
export const MEASURE_CONTEXTS = [
  'public-procurement',
  'customs-clearance',
  'government-subsidy',
  'administrative-licensing',
  'inspection',
  'honours',
  'public-works-tendering',
] as const;
export type MeasureContext = (typeof MEASURE_CONTEXTS)[number];

/** Contexts reserved to one node, because only that jurisdiction has the programme behind them. */
export const NODE_ONLY_CONTEXTS: Partial<Record<MeasureContext, string>> = { 'public-works-tendering': 'hk' };

export const MEASURE_KINDS = ['reward', 'discipline'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Effects a disciplinary measure may have (联合惩戒). Order matters nowhere; precedence lives in `decide`. */
export const DISCIPLINE_EFFECTS = ['deny', 'review', 'restrict', 'increase-inspection'] as const;
/** Effects a reward (激励) may have. */
export const REWARD_EFFECTS = ['fast-track', 'reduce-inspection', 'priority'] as const;
export const MEASURE_EFFECTS = [...DISCIPLINE_EFFECTS, ...REWARD_EFFECTS] as const;
export type MeasureEffect = (typeof MEASURE_EFFECTS)[number];

/** The effects each measure kind may carry: a reward can never deny, a discipline can never fast-track. */
export const EFFECTS_BY_KIND: Record<MeasureKind, readonly MeasureEffect[]> = {
  reward: REWARD_EFFECTS,
  discipline: DISCIPLINE_EFFECTS,
};

/** 红名单 honour, 重点关注 watch, 严重失信主体名单 serious dishonesty. */
export const LIST_KINDS = ['honour', 'watch', 'serious-dishonesty'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const DECISIONS = ['allow', 'review', 'deny'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Weekday names as a calendar file spells them; index = `Date#getUTCDay()`. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
