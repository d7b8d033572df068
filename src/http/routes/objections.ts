/**
 * Objections (异议, issue 4 §4): an entity files one against its record or list entry, sees its own; a
 * reviewer of the deciding authority sees its queue and decides.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENTS_BODY_LIMIT } from '../../services/attachments.js';
import type { ObjectionService } from '../../services/objection-service.js';
import { attachmentsInputSchema, caseFields, idempotencyHeaders, subjectRefSchema } from '../due-process-schemas.js';
import { problemSchema } from '../problem.js';

const reasons = z.string().trim().min(1).max(4_000).describe('Why, as the entity and the audit log will read it');

const upheld = {
  outcome: z.literal('upheld'),
  action: z.enum(['revoke', 'correct']).describe('`revoke`: the records stop having effect; `correct`: they are marked corrected (record the corrected decision through the records API)'),
  reasons,
  correction: z.record(z.string(), z.unknown()).optional().describe('The fields found wrong and their right values, kept with the decision'),
};
const rejected = { outcome: z.literal('rejected'), reasons };
const decisionSchema = z.discriminatedUnion('outcome', [z.strictObject(upheld), z.strictObject(rejected)]);
const decidedAt = z.string();
const decidedSchema = z
  .discriminatedUnion('outcome', [z.object({ ...upheld, decidedAt }), z.object({ ...rejected, decidedAt })])
  .describe('The reviewer’s decision, once decided');

const objectionSchema = z
  .object({
    ...caseFields,
    grounds: z.string(),
    decision: decidedSchema.nullable(),
  })
  .meta({ id: 'Objection' });

const params = z.object({ id: z.uuid() });
const refused = { 401: problemSchema, 403: problemSchema };

export const objectionRoutes =
  (objections: ObjectionService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/v1/objections', {
      config: { action: 'objections.file' },
      bodyLimit: ATTACHMENTS_BODY_LIMIT,
      schema: {
        summary: 'Object to a record or a list entry',
        description:
          'Files an objection (异议) of the caller’s entity against one of its active local records, or against its current entry on a list (the records behind the entry are objected to). Allowed within the window its notice stated (409 OBJECTION_DEADLINE_PASSED after it); one open objection per subject (409). From filing, reports and check answers show the records as disputed. A reviewer of the deciding authority decides by `dueOn`.',
        tags: ['due process'],
        headers: idempotencyHeaders,
        body: z.object({ subject: subjectRefSchema, grounds: z.string().trim().min(1).max(10_000), attachments: attachmentsInputSchema.optional() }),
        response: {
          200: objectionSchema.describe('A retry with the same Idempotency-Key: the objection filed first'),
          201: objectionSchema,
          400: problemSchema,
          ...refused,
          404: problemSchema,
          409: problemSchema,
          413: problemSchema,
          415: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const filed = await objections.file(request.body, request.principal, request.headers['idempotency-key']);
        return reply.code(filed.created ? 201 : 200).send(filed.row);
      },
    });

    app.get('/v1/objections/:id', {
      config: { action: 'objections.read' },
      schema: {
        summary: 'One objection',
        description: 'To the entity that filed it, or an officer of the deciding authority.',
        tags: ['due process'],
        params,
        response: { 200: objectionSchema, 400: problemSchema, ...refused, 404: problemSchema },
      },
      handler: async (request) => objections.get(request.params.id, request.principal),
    });

    app.get('/v1/me/objections', {
      config: { action: 'me.read' },
      schema: {
        summary: 'The caller’s objections',
        description: 'Newest first, with status, due date and decision.',
        tags: ['due process'],
        response: { 200: z.object({ items: z.array(objectionSchema) }), ...refused },
      },
      handler: async (request) => ({ items: await objections.mine(request.principal) }),
    });

    app.get('/v1/queues/objections', {
      config: { action: 'queues.read' },
      schema: {
        summary: 'Open objections the reviewer’s authority decides',
        description: 'Earliest due first; `overdue` once today is past the due date.',
        tags: ['due process'],
        response: { 200: z.object({ items: z.array(objectionSchema) }), ...refused },
      },
      handler: async (request) => ({ items: await objections.queue(request.principal) }),
    });

    app.post('/v1/objections/:id/decision', {
      config: { action: 'objections.decide' },
      schema: {
        summary: 'Decide an objection',
        description:
          'A reviewer of the deciding authority: `upheld` revokes the records concerned or marks them corrected, `rejected` keeps them; either way the dispute mark is cleared (unless another open objection covers a record) and checks see the outcome at once. The same reviewer posting the same decision again (a retry) gets the decided objection back, written once; any other decision of a decided objection is 409.',
        tags: ['due process'],
        params,
        body: decisionSchema,
        response: { 200: objectionSchema, 400: problemSchema, ...refused, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request) => objections.decide(request.params.id, request.body, request.principal),
    });
  };
