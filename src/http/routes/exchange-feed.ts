/**
 * Exchange between nodes over HTTP: the signed feed a partner pulls (partner keys only; the partner is the key's
 * node) and this node's replication status per partner.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_FEED_LIMIT, MAX_FEED_LIMIT, type FeedService } from '../../exchange/feed.js';
import { REJECTION_REASONS, type Replicator } from '../../exchange/replication.js';
import { problemSchema } from '../problem.js';

const statusSchema = z
  .object({
    node: z.string(),
    partners: z.array(
      z.object({
        partner: z.string(),
        url: z.string().describe('The partner’s base URL (CREDENCE_PEERS)'),
        cursor: z.string().describe('Where this node’s copy of the partner’s feed stands (opaque)'),
        pagesApplied: z.number().int(),
        itemsApplied: z.number().int(),
        lastPullAt: z.string().nullable(),
        lastError: z.string().nullable().describe('Why the last pull stopped early, if it did: partner unreachable or a page rejected'),
        rejectedPages: z.number().int().describe('Pages refused so far: altered, signed by an unknown key, replayed, misaddressed…'),
        lastRejection: z.object({ at: z.string(), reason: z.string().describe(`One of ${REJECTION_REASONS.join(', ')}`), message: z.string() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'ExchangeStatus' });

export const exchangeFeedRoutes =
  (deps: { node: string; feed: FeedService; replication: Replicator }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/v1/exchange/feed', {
      config: { action: 'exchange.pull' },
      schema: {
        summary: 'A page of this node’s exchange feed, signed',
        description:
          'For a partner node’s key. Upserts (the record with the fields the sharing agreement in force names, and its entity’s shared identifiers and names) and retractions (repaired, corrected, revoked, expired, or no longer shared), in feed order from `after`. The body is a compact JWS (EdDSA, `kid` in the header, `typ` credence-feed+json) whose payload holds `iss`, `aud`, `iat`, `after`, `next`, `more`, `agreement` and `items`. Ask again with `after` = `next` while `more` is true. While it is, the answer also names the next page in a `Link` header (RFC 8288, `rel="next"`, relative to this URL), so that a partner can ask for it before it has decoded this one; the signed `next` is what counts. 403 when no agreement names the partner.',
        tags: ['exchange'],
        querystring: z.object({
          after: z.string().max(400).optional().describe('The `next` cursor of the previous page; absent for the start'),
          limit: z.coerce.number().int().min(1).max(MAX_FEED_LIMIT).default(DEFAULT_FEED_LIMIT),
        }),
        produces: ['application/jose'],
        response: {
          200: { description: 'compact JWS', content: { 'application/jose': { schema: z.custom<Buffer>((body) => Buffer.isBuffer(body)).meta({ type: 'string' }) } } },
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const principal = request.principal;
        if (principal.role !== 'partner') throw new DomainError('FORBIDDEN', 'needs a partner key');
        const page = await deps.feed.page(principal.node, request.query.after, request.query.limit);
        if (page.more) reply.header('link', `<?${new URLSearchParams({ after: page.next, limit: String(request.query.limit) })}>; rel="next"`);
        return reply.type('application/jose').send(page.jws);
      },
    });

    app.get('/v1/exchange/status', {
      config: { action: 'public.read' },
      schema: {
        summary: 'Replication from each partner node',
        description: 'Per partner this node pulls from: its cursor, the last pull and its error, and the pages rejected so far. No keys are shown.',
        tags: ['exchange'],
        response: { 200: statusSchema },
      },
      handler: async () => ({ node: deps.node, partners: await deps.replication.status() }),
    });
  };
