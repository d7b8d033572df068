/** An entity's own corner: its notices inbox and its webhook (issue 4 §3). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { entityOwner } from '../../domain/webhooks.js';
import { MAX_NOTICE_PAGE, type NoticeService } from '../../services/notice-service.js';
import type { OutboxService } from '../../services/outbox-service.js';
import { problemSchema } from '../problem.js';

const citation = z.object({ instrument: z.string(), article: z.string() });
const fact = z.object({
  recordId: z.string(),
  sourceId: z.string(),
  originNode: z.string(),
  category: z.string(),
  decidedOn: z.string(),
  disputed: z.boolean(),
});

export const noticeSchema = z
  .object({
    id: z.number().int(),
    subject: z.string().describe('`record:<id>` or `list:<listId>:<start>`'),
    kind: z.enum(['record', 'list']),
    servedAt: z.string(),
    readAt: z.string().nullable(),
    content: z.object({
      what: z.object({
        title: z.string(),
        authority: z.string(),
        record: z.object({ id: z.string(), sourceId: z.string(), category: z.string(), decisionNo: z.string(), decidedOn: z.string() }).optional(),
        list: z.object({ id: z.string(), kind: z.string(), name: z.object({ zh: z.string(), en: z.string() }) }).optional(),
      }),
      why: z.array(fact).readonly().describe('The facts the decision rests on'),
      legalBasis: z.array(citation).readonly(),
      period: z.object({
        from: z.string(),
        until: z.string().optional().describe('First day no longer in effect; absent while open-ended'),
        regime: z.string().optional(),
        state: z.enum(['pending', 'active', 'expired']).optional(),
        triggeredOn: z.string().optional(),
      }),
      objection: z
        .object({ deadline: z.string().describe('Last day to object'), days: z.number().int(), unit: z.enum(['calendar', 'working']), rule: z.string() })
        .nullable(),
      remedies: z.object({
        repairable: z.boolean(),
        notRepairableReason: z.string().optional(),
        repairFrom: z.string().optional(),
        repairConditions: z.array(z.string()).readonly(),
        earlyRemovalFrom: z.string().optional(),
        earlyRemovalConditions: z.array(z.string()).readonly(),
      }),
    }),
  })
  .meta({ id: 'Notice' });

const caller = { 401: problemSchema, 403: problemSchema };

export const meRoutes =
  (notices: NoticeService, outbox: OutboxService): FastifyPluginAsyncZod =>
  async (app) => {
    /** The webhook owner of an entity key (the route's action admits entity keys only). */
    const ownerOf = (principal: { role: string; entityId?: string }) => {
      if (principal.role !== 'entity' || principal.entityId === undefined) throw new DomainError('FORBIDDEN', 'needs an entity key');
      return entityOwner(principal.entityId);
    };

    app.get('/v1/me/notices', {
      config: { action: 'me.read' },
      schema: {
        summary: 'Your notices',
        description:
          'Notices served to your entity, newest first: for each adverse record and each watch or serious-dishonesty list entry, what was decided, why, the legal basis, the period, the objection deadline, remedies and repair conditions (两书同达). Pass `next` back as `after` for older ones.',
        tags: ['me'],
        querystring: z.object({
          after: z.string().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_NOTICE_PAGE).default(50),
        }),
        response: { 200: z.object({ items: z.array(noticeSchema), next: z.string().nullable() }), 400: problemSchema, ...caller },
      },
      handler: async (request) => notices.inbox(request.principal, request.query),
    });

    app.post('/v1/me/notices/:id/read', {
      config: { action: 'me.write' },
      schema: {
        summary: 'Mark a notice read',
        tags: ['me'],
        params: z.object({ id: z.coerce.number().int().min(1) }),
        response: { 200: noticeSchema, ...caller, 404: problemSchema },
      },
      handler: async (request) => notices.markRead(request.principal, request.params.id),
    });

    app.put('/v1/me/webhook', {
      config: { action: 'me.write' },
      schema: {
        summary: 'Set your webhook',
        description:
          'Notices are POSTed to `url` as `{id, event, payload, createdAt}` with `Credence-Event`, `Credence-Delivery` and `Credence-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`; any 2xx acknowledges, anything else is retried with backoff. The secret is shown this once; setting the webhook again replaces it. Notices served before are delivered too.',
        tags: ['me'],
        body: z.object({ url: z.string().max(2000) }),
        response: { 200: z.object({ url: z.string(), secret: z.string() }), 400: problemSchema, ...caller },
      },
      handler: async (request) => outbox.setWebhook(ownerOf(request.principal), request.body.url, actorOf(request.principal)),
    });

    app.delete('/v1/me/webhook', {
      config: { action: 'me.write' },
      schema: { summary: 'Remove your webhook', description: 'Notices keep arriving in the inbox; undelivered ones wait for the next webhook.', tags: ['me'], response: { 204: z.null(), ...caller, 404: problemSchema } },
      handler: async (request, reply) => {
        await outbox.removeWebhook(ownerOf(request.principal), actorOf(request.principal));
        return reply.code(204).send(null);
      },
    });
  };
