/**
 * The interchange format of SPEC §3: one NDJSON object (or CSV row) per line, `type` "entity" or "record".
 *
 * The schemas are closed (`z.strictObject`): an unknown field is an error, so personal data cannot slip in
 * through a record (SPEC §1.1). Identifiers are validated and normalised by the identifier rules, and an
 * individual business (USCC prefix 92) is refused there. Dates must be real calendar dates, not after the
 * import's `today`.
 */
import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import {
  CURRENCIES,
  ENTITY_STATUSES,
  JURISDICTIONS,
  NAME_KINDS,
  NAME_LANGS,
  PENALTY_KINDS,
  RECORD_CATEGORIES,
  RECORD_STATUSES,
  REGULATORY_DOMAINS,
  RELATION_KINDS,
  SEVERITIES,
  type Jurisdiction,
} from './taxonomy.js';
import {
  IDENTIFIER_SCHEMES,
  parseEntityRef,
  parseIdentifier,
  type IdentifierRules,
  type IdentifierScheme,
} from './identifiers/index.js';

/** The identifier scheme that keys an entity in each jurisdiction (BRIEF §3.4). */
export const PRIMARY_SCHEME: Record<Jurisdiction, IdentifierScheme> = { GD: 'uscc', HK: 'hk-brn', MO: 'mo-reg' };

/** Schemes that belong to one jurisdiction's registers; `lei` and `aeo` may appear anywhere. */
const SCHEME_JURISDICTION: Partial<Record<IdentifierScheme, Jurisdiction>> = {
  uscc: 'GD',
  'hk-brn': 'HK',
  'hk-cr': 'HK',
  'mo-reg': 'MO',
};

export interface InterchangeOptions {
  identifierRules: IdentifierRules;
  /** The latest acceptable date (ISO `YYYY-MM-DD`): decisions and registrations cannot be in the future. */
  today: string;
}

/** Early enough for the oldest registered companies still trading (HSBC, 1865). */
const EARLIEST_DATE = '1800-01-01';

function isoDate(today: string) {
  return z
    .string()
    .refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD')
    .refine((v) => v >= EARLIEST_DATE, `must not be before ${EARLIEST_DATE}`)
    .refine((v) => v <= today, `must not be after today (${today})`);
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    // C0/C1 control characters other than tab and newline have no place in registry text.
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(v), 'must not contain control characters');

const legalBasis = z
  .array(z.strictObject({ instrument: text(300), article: text(100) }))
  .min(1, 'at least one legal-basis citation (instrument and article) is required')
  .max(20);

const money = z.strictObject({
  value: z.number().finite().nonnegative().max(1e15),
  currency: z.enum(CURRENCIES),
});

export function interchangeSchemas(options: InterchangeOptions) {
  const { identifierRules, today } = options;
  const date = isoDate(today);

  const identifier = z
    .strictObject({ scheme: z.enum(IDENTIFIER_SCHEMES), value: z.string().max(64) })
    .transform((raw, ctx) => {
      const result = parseIdentifier(raw.scheme, raw.value, identifierRules);
      if (!result.ok) {
        ctx.issues.push({ code: 'custom', message: result.reason, input: raw.value, path: ['value'] });
        return z.NEVER;
      }
      return { ...result.identifier, warnings: result.warnings };
    });

  const entityRef = z.string().max(100).transform((raw, ctx) => {
    const result = parseEntityRef(raw, identifierRules);
    if (!result.ok) {
      ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
      return z.NEVER;
    }
    return result.ref;
  });

  const name = z
    .strictObject({
      value: text(300),
      lang: z.enum(NAME_LANGS),
      kind: z.enum(NAME_KINDS).default('legal'),
      validFrom: date.optional(),
      validTo: z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD').optional(),
    })
    .refine((n) => !n.validFrom || !n.validTo || n.validFrom <= n.validTo, {
      message: 'validTo must not be before validFrom',
      path: ['validTo'],
    });

  const entity = z
    .strictObject({
      type: z.literal('entity'),
      jurisdiction: z.enum(JURISDICTIONS),
      identifiers: z.array(identifier).min(1, 'at least one identifier is required').max(20),
      names: z.array(name).min(1, 'at least one name is required').max(50),
      legalForm: text(100).optional(),
      status: z.enum(ENTITY_STATUSES),
      registeredOn: date.optional(),
      relations: z
        .array(z.strictObject({ kind: z.enum(RELATION_KINDS), target: entityRef }))
        .max(50)
        .optional(),
    })
    .superRefine((e, ctx) => {
      const primary = PRIMARY_SCHEME[e.jurisdiction];
      if (!e.identifiers.some((i) => i.scheme === primary)) {
        ctx.addIssue({
          code: 'custom',
          path: ['identifiers'],
          message: `an entity of jurisdiction ${e.jurisdiction} needs a ${primary} identifier`,
        });
      }
      e.identifiers.forEach((i, index) => {
        const home = SCHEME_JURISDICTION[i.scheme];
        if (home && home !== e.jurisdiction) {
          ctx.addIssue({
            code: 'custom',
            path: ['identifiers', index, 'scheme'],
            message: `${i.scheme} identifiers belong to jurisdiction ${home}, not ${e.jurisdiction}`,
          });
        }
      });
      const seen = new Set<string>();
      e.identifiers.forEach((i, index) => {
        const key = `${i.scheme}:${i.value}`;
        if (seen.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['identifiers', index], message: `duplicate identifier ${key}` });
        }
        seen.add(key);
      });
    });

  const record = z
    .strictObject({
      type: z.literal('record'),
      sourceId: text(128).refine((v) => !/\s/.test(v), 'must not contain white space'),
      subject: entityRef,
      category: z.enum(RECORD_CATEGORIES),
      domain: z.enum(REGULATORY_DOMAINS),
      severity: z.enum(SEVERITIES).optional(),
      authority: text(64).refine((v) => /^[a-z0-9][a-z0-9-]*$/.test(v), 'must be an authority id such as gd-samr'),
      decisionNo: text(128),
      decidedOn: date,
      legalBasis,
      summary: text(1000),
      status: z.enum(RECORD_STATUSES).default('active'),
      penalty: z
        .strictObject({
          kinds: z.array(z.enum(PENALTY_KINDS)).min(1, 'at least one penalty kind is required').max(PENALTY_KINDS.length),
          amount: money.optional(),
        })
        .optional(),
      rating: z.strictObject({ scheme: text(64), grade: text(32), score: z.number().finite().min(0).max(1000).optional() }).optional(),
      court: z.strictObject({ caseNo: text(128), amountOwed: money.optional() }).optional(),
    })
    .superRefine((r, ctx) => {
      const requireBlock = (block: 'penalty' | 'rating' | 'court', category: string) => {
        const present = r[block] !== undefined;
        if (r.category === category && !present) {
          ctx.addIssue({ code: 'custom', path: [block], message: `a ${category} record needs a ${block} block` });
        } else if (r.category !== category && present) {
          ctx.addIssue({ code: 'custom', path: [block], message: `a ${block} block belongs only to ${category} records` });
        }
      };
      requireBlock('penalty', 'penalty');
      requireBlock('rating', 'rating');
      requireBlock('court', 'court-enforcement');
      if (r.category === 'penalty' && !r.severity) {
        ctx.addIssue({ code: 'custom', path: ['severity'], message: 'a penalty record needs a severity (minor, general or serious)' });
      }
    });

  const line = z.discriminatedUnion('type', [entity, record], {
    error: (issue) => (issue.code === 'invalid_union' ? 'type must be "entity" or "record"' : undefined),
  });

  return { entity, record, line };
}

export type InterchangeSchemas = ReturnType<typeof interchangeSchemas>;
export type EntityLine = z.output<InterchangeSchemas['entity']>;
export type RecordLine = z.output<InterchangeSchemas['record']>;
export type InterchangeLine = z.output<InterchangeSchemas['line']>;
/** The input shape of a line, as written in a file (before normalisation). */
export type EntityLineInput = z.input<InterchangeSchemas['entity']>;
export type RecordLineInput = z.input<InterchangeSchemas['record']>;
