/**
 * Watches for service keys (issue 4 §9): register entities and contexts, add and remove them in bulk, pull
 * the decision changes, and set the webhook they are pushed to. A watch is its key's own: another key's is
 * answered 404, never shown.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../domain/access.js';
import { MEASURE_CONTEXTS } from '../../domain/policy/vocabulary.js';
import type { OutboxService } from '../../services/outbox-service.js';
import { MAX_CHANGES_PAGE, MAX_WATCH_ENTITIES, watchWebhookOwner, type WatchService } from '../../services/watch-service.js';
import { problemSchema } from '../problem.js';

/** Room for 100,000 references of any scheme (the server's default limit is 1 MiB). */
const BULK_BODY_LIMIT = 16 << 20;

const refsSchema = z
  .array(z.string().min(1).max(200))
  .max(MAX_WATCH_ENTITIES)
  .describe(`Entity references (\`scheme:value\` or internal id), at most ${MAX_WATCH_ENTITIES.toLocaleString('en')}`);

const watchSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    contexts: z.array(z.string()),
    entities: z.number().int().describe('How many entities the watch holds'),
    createdAt: z.string(),
  })
  .meta({ id: 'Watch' });

const entitiesUpdateSchema = z.object({
  entities: z.number().int().describe('How many entities the watch holds afterwards'),
  added: z.number().int(),
  removed: z.number().int(),
  rejected: z.number().int().describe('References naming no entity of the register, or malformed; the first 1,000 are listed in `problems`'),
  problems: z.array(z.object({ ref: z.string(), reason: z.string() })),
});

const changeSchema = z
  .object({
    seq: z.number().int().describe('Position in the watch’s change feed'),
    entity: z.object({ id: z.string(), ref: z.string().nullable().describe('A `scheme:value` reference of the entity') }),
    context: z.string(),
    before: z.string().describe('The decision last told'),
    after: z.string().describe('The decision now'),
    cause: z.string().describe('Why: `import`, `record`, `objection`, `repair`, `exchange`, `policy` or `expiry` (the date alone)'),
    at: z.string(),
  })
  .meta({ id: 'WatchChange' });

const params = z.object({ id: z.uuid() });
const refused = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const watchRoutes =
  (watches: WatchService, outbox: OutboxService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/v1/watches', {
      config: { action: 'watches.manage' },
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        summary: 'Watch entities for decision changes',
        description:
          'Registers entities and check contexts (within the key’s own contexts; others are 403) to be told of every change of decision: a new or corrected record, an objection filed or decided, a repair, a policy activation, or expiry. Each entity’s current decisions are the baseline. References that name no entity are listed in `problems` and skipped; the request fails (400) only when all of them do.',
        tags: ['watches'],
        body: z.object({ label: z.string().min(1).max(200), contexts: z.array(z.enum(MEASURE_CONTEXTS)).min(1), entities: refsSchema }),
        response: { 201: watchSchema.extend(entitiesUpdateSchema.shape), ...refused },
      },
      handler: async (request, reply) => reply.code(201).send(await watches.create(request.body, request.principal)),
    });

    app.get('/v1/watches', {
      config: { action: 'watches.manage' },
      schema: {
        summary: 'The key’s watches',
        tags: ['watches'],
        response: { 200: z.object({ items: z.array(watchSchema) }), 401: problemSchema, 403: problemSchema },
      },
      handler: async (request) => ({ items: await watches.list(request.principal) }),
    });

    app.put('/v1/watches/webhook', {
      config: { action: 'watches.manage' },
      schema: {
        summary: 'Set the webhook for watch changes',
        description:
          'Changes of the key’s watches from now on are POSTed to `url` as `watch.changed` messages `{id, event, payload: {watch, changes}, createdAt}`, signed like every Credence webhook (`Credence-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`) and retried with backoff until a 2xx. The secret is shown this once; setting the webhook again replaces it. Changes are always offered to pull as well.',
        tags: ['watches'],
        body: z.object({ url: z.url() }),
        response: { 200: z.object({ url: z.string(), secret: z.string() }), 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
      handler: async (request) => outbox.setWebhook(watchWebhookOwner(request.principal), request.body.url, actorOf(request.principal)),
    });

    app.delete('/v1/watches/webhook', {
      config: { action: 'watches.manage' },
      schema: {
        summary: 'Remove the webhook for watch changes',
        description: 'Changes keep being recorded to pull; none are pushed until a webhook is set again.',
        tags: ['watches'],
        response: { 204: z.null(), 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await outbox.removeWebhook(watchWebhookOwner(request.principal), actorOf(request.principal));
        return reply.code(204).send(null);
      },
    });

    app.get('/v1/watches/:id', {
      config: { action: 'watches.manage' },
      schema: {
        summary: 'One watch with its decision counts',
        tags: ['watches'],
        params,
        response: {
          200: watchSchema.extend({
            decisions: z.array(z.object({ context: z.string(), decision: z.string(), entities: z.number().int() })),
            lastChange: z.string().nullable().describe('Cursor of the latest change: pass as `after` to pull only later ones'),
          }),
          ...refused,
        },
      },
      handler: async (request) => watches.get(request.params.id, request.principal),
    });

    app.post('/v1/watches/:id/entities', {
      config: { action: 'watches.manage' },
      bodyLimit: 2 * BULK_BODY_LIMIT,
      schema: {
        summary: 'Add and remove watched entities in bulk',
        description: `Removes, then adds; an added entity is told from its current decisions on. A watch holds at most ${MAX_WATCH_ENTITIES.toLocaleString('en')} entities (409 beyond).`,
        tags: ['watches'],
        params,
        body: z.object({ add: refsSchema.optional(), remove: refsSchema.optional() }),
        response: { 200: entitiesUpdateSchema, ...refused, 409: problemSchema },
      },
      handler: async (request) => watches.updateEntities(request.params.id, request.body, request.principal),
    });

    app.delete('/v1/watches/:id', {
      config: { action: 'watches.manage' },
      schema: { summary: 'Delete a watch', tags: ['watches'], params, response: { 204: z.null(), ...refused } },
      handler: async (request, reply) => {
        await watches.delete(request.params.id, request.principal);
        return reply.code(204).send(null);
      },
    });

    app.get('/v1/watches/:id/changes', {
      config: { action: 'watches.manage' },
      schema: {
        summary: 'Pull decision changes of a watch',
        description:
          'Changes after the cursor `after`, oldest first — the same changes the webhook pushes. `next` is always given: pass it as `after` for the next page, and again later to get only what changed since.',
        tags: ['watches'],
        params,
        querystring: z.object({ after: z.string().optional(), limit: z.coerce.number().int().min(1).max(MAX_CHANGES_PAGE).default(100) }),
        response: { 200: z.object({ items: z.array(changeSchema), next: z.string() }), ...refused },
      },
      handler: async (request) => watches.changes(request.params.id, request.query, request.principal),
    });
  };
