/**
 * Response schemas of what policy evaluation produces (checks, reports, simulations). One zod schema each,
 * used to serialise the reply and to document it in OpenAPI.
 */
import { z } from 'zod';
import { DECISIONS, LIST_KINDS, MEASURE_CONTEXTS, MEASURE_EFFECTS, MEASURE_KINDS } from '../domain/policy/vocabulary.js';

export const citationSchema = z.object({ instrument: z.string(), article: z.string() }).meta({ id: 'Citation' });

export const factSchema = z
  .object({
    recordId: z.string(),
    sourceId: z.string(),
    originNode: z.string(),
    category: z.string(),
    decidedOn: z.string(),
    disputed: z.boolean(),
  })
  .meta({ id: 'Fact', description: 'A record that caused an effect' });

export const measureSchema = z
  .object({
    id: z.string(),
    kind: z.enum(MEASURE_KINDS),
    effect: z.enum(MEASURE_EFFECTS),
    authority: z.string().describe('The implementing authority'),
    legalBasis: z.array(citationSchema).readonly(),
    because: z.array(factSchema).readonly(),
  })
  .meta({ id: 'AppliedMeasure' });

export const checkResultSchema = z
  .object({
    decision: z.enum(DECISIONS).describe('deny if any measure denies, else review if any reviews or restricts, else allow'),
    measures: z.array(measureSchema).readonly().describe('Disciplinary measures that apply'),
    facilitations: z.array(measureSchema).readonly().describe('Rewards that apply'),
    disputed: z.boolean().describe('A fact behind a measure is under objection'),
    policyVersion: z.string(),
    evaluatedAt: z.string().describe('The date (YYYY-MM-DD) the decision holds for'),
  })
  .meta({ id: 'CheckResult' });

export const checkRequestSchema = z
  .object({
    entity: z.string().min(1).max(200).describe('`scheme:value` or the internal entity id'),
    context: z.string().min(1).max(64).describe(`Point of service: ${MEASURE_CONTEXTS.join(', ')}`),
    at: z.string().max(10).optional().describe('Answer as of this date (YYYY-MM-DD); default today in the GBA'),
  })
  .meta({ id: 'CheckRequest' });

export const membershipSchema = z
  .object({
    listId: z.string(),
    kind: z.enum(LIST_KINDS),
    state: z.enum(['pending', 'active', 'expired']),
    triggeredOn: z.string(),
    start: z.string(),
    end: z.string().optional(),
    authority: z.string(),
    legalBasis: z.array(citationSchema).readonly(),
    remedies: z.object({
      earlyRemovalFrom: z.string().optional(),
      earlyRemovalConditions: z.array(z.string()).readonly(),
      repairable: z.boolean(),
      repairConditions: z.array(z.string()).readonly(),
      objection: z.object({ days: z.number(), unit: z.enum(['calendar', 'working']) }).optional(),
    }),
    because: z.array(factSchema).readonly(),
    disputed: z.boolean(),
  })
  .meta({ id: 'ListMembership' });

export const ratingSchema = z
  .object({
    scheme: z.string(),
    grade: z.string(),
    originNode: z.string(),
    since: z.string(),
    until: z.string().optional(),
    because: factSchema,
    recognisedAs: z.array(z.object({ rule: z.string(), scheme: z.string(), grade: z.string(), contexts: z.array(z.enum(MEASURE_CONTEXTS)).readonly() })).readonly(),
  })
  .meta({ id: 'RatingInForce' });

const movementSchema = z.object({ count: z.number().int(), sample: z.array(z.string()).describe('The first entity references') });

export const simulationSchema = z
  .object({
    at: z.string(),
    currentVersion: z.string(),
    candidateVersion: z.string(),
    entities: z.number().int(),
    lists: z.array(z.object({ list: z.string(), entering: movementSchema, leaving: movementSchema })),
    decisions: z.array(
      z.object({
        context: z.enum(MEASURE_CONTEXTS),
        changed: z.number().int(),
        changes: z.array(z.object({ from: z.enum(DECISIONS), to: z.enum(DECISIONS), ...movementSchema.shape })),
      }),
    ),
  })
  .meta({ id: 'SimulationReport' });
