/**
 * Credit repair (信用修复, issue 4 §5): an entity sees up front whether a record or list entry can be
 * repaired and on what conditions, applies, and follows its applications; a reviewer of the identifying
 * authority sees its queue and decides.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENTS_BODY_LIMIT } from '../../services/attachments.js';
import { parseSubject } from '../../services/due-process-subject.js';
import type { RepairService } from '../../services/repair-service.js';
import { attachmentsInputSchema, caseFields, idempotencyHeaders, subjectRefSchema } from '../due-process-schemas.js';
import { problemSchema } from '../problem.js';

const conditionSchema = z
  .object({
    id: z.string().describe('`publicity-served`, `obligations-fulfilled` or `commitment`'),
    description: z.string(),
    met: z.union([z.boolean(), z.literal('on-review')]).describe('`on-review`: the reviewer decides'),
    detail: z.string(),
  })
  .meta({ id: 'RepairCondition' });

const eligibilitySchema = z
  .object({
    subject: z.string(),
    authority: z.string().describe('Who decides (谁认定谁修复)'),
    repairable: z.boolean(),
    reason: z.string().optional().describe('Why not, and what ends the status instead'),
    regime: z.string().optional().describe('The repair regime of the pack applied'),
    conditions: z.array(conditionSchema),
  })
  .meta({ id: 'RepairEligibility' });

const decisionFields = { outcome: z.enum(['granted', 'refused']), reasons: z.string().trim().min(1).max(4_000).describe('Why, as the entity and the audit log will read it') };

const repairSchema = z
  .object({
    ...caseFields,
    commitment: z.string(),
    conditions: z.array(conditionSchema).describe('The conditions as checked when the application was filed'),
    decision: z
      .object({ ...decisionFields, decidedAt: z.string() })
      .nullable()
      .describe('The reviewer’s decision, once decided'),
  })
  .meta({ id: 'RepairApplication' });

const params = z.object({ id: z.uuid() });
const refused = { 401: problemSchema, 403: problemSchema };

export const repairRoutes =
  (repairs: RepairService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/v1/repairs/eligibility', {
      config: { action: 'repairs.apply' },
      schema: {
        summary: 'Whether a record or list entry can be repaired, and on what conditions',
        description:
          'For a record of the caller’s entity or its entry on a list: not repairable with the reason (and what ends the status instead), or the conditions — minimum publicity period served, obligations fulfilled with evidence, written commitment — each met or not.',
        tags: ['due process'],
        querystring: z.object({ subject: z.string().max(120).describe('`record:<id>` or `list:<listId>`') }),
        response: { 200: eligibilitySchema, 400: problemSchema, ...refused, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request) => repairs.eligibility(parseSubject(request.query.subject), request.principal),
    });

    app.post('/v1/repairs', {
      config: { action: 'repairs.apply' },
      bodyLimit: ATTACHMENTS_BODY_LIMIT,
      schema: {
        summary: 'Apply for credit repair',
        description:
          'With the written commitment and the evidence as attachments. Refused with 409 REPAIR_NOT_ALLOWED, naming each reason, when the subject cannot be repaired or a condition the system can check is unmet; one open application per subject (409). A reviewer of the identifying authority decides by `dueOn`.',
        tags: ['due process'],
        headers: idempotencyHeaders,
        body: z.object({ subject: subjectRefSchema, commitment: z.string().max(10_000).describe('The credit commitment (信用承诺书)'), attachments: attachmentsInputSchema }),
        response: {
          200: repairSchema.describe('A retry with the same Idempotency-Key: the application filed first'),
          201: repairSchema,
          400: problemSchema,
          ...refused,
          404: problemSchema,
          409: problemSchema,
          413: problemSchema,
          415: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const filed = await repairs.apply(request.body, request.principal, request.headers['idempotency-key']);
        return reply.code(filed.created ? 201 : 200).send(filed.row);
      },
    });

    app.get('/v1/repairs/:id', {
      config: { action: 'repairs.read' },
      schema: {
        summary: 'One repair application',
        description: 'To the entity that applied, or an officer of the deciding authority.',
        tags: ['due process'],
        params,
        response: { 200: repairSchema, 400: problemSchema, ...refused, 404: problemSchema },
      },
      handler: async (request) => repairs.get(request.params.id, request.principal),
    });

    app.get('/v1/me/repairs', {
      config: { action: 'me.read' },
      schema: {
        summary: 'The caller’s repair applications',
        description: 'Newest first, with status, due date and decision.',
        tags: ['due process'],
        response: { 200: z.object({ items: z.array(repairSchema) }), ...refused },
      },
      handler: async (request) => ({ items: await repairs.mine(request.principal) }),
    });

    app.get('/v1/queues/repairs', {
      config: { action: 'queues.read' },
      schema: {
        summary: 'Open repair applications the reviewer’s authority decides',
        description: 'Earliest due first; `overdue` once today is past the due date.',
        tags: ['due process'],
        response: { 200: z.object({ items: z.array(repairSchema) }), ...refused },
      },
      handler: async (request) => ({ items: await repairs.queue(request.principal) }),
    });

    app.post('/v1/repairs/:id/decision', {
      config: { action: 'repairs.decide' },
      schema: {
        summary: 'Decide a repair application',
        description:
          'A reviewer of the identifying authority: `granted` marks the records repaired — they leave the public report and stop having effect, and a list entry resting on them ends — at once; `refused` keeps them, with reasons. Deciding twice is 409.',
        tags: ['due process'],
        params,
        body: z.strictObject(decisionFields),
        response: { 200: repairSchema, 400: problemSchema, ...refused, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request) => repairs.decide(request.params.id, request.body, request.principal),
    });
  };
