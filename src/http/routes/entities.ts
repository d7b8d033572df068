/** The register: entities and their records, looked up by `scheme:value` or internal id. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EntityService } from '../../services/entity-service.js';
import type { SearchService } from '../../services/search-service.js';
import { problemSchema } from '../problem.js';
import { jurisdictionSchema, limitSchema, searchHitSchema } from './search.js';

const refParam = z.object({
  ref: z.string().max(200).describe('`scheme:value` (uscc, hk-brn, hk-cr, mo-reg, lei, aeo) or the internal entity id'),
});

export const entitySchema = z
  .object({
    id: z.string(),
    jurisdiction: z.string(),
    originNode: z.string(),
    legalForm: z.string().nullable(),
    status: z.string(),
    registeredOn: z.string().nullable(),
    identifiers: z.array(z.object({ scheme: z.string(), value: z.string(), warnings: z.array(z.string()).optional() })),
    names: z.array(
      z.object({ value: z.string(), lang: z.string(), kind: z.string(), validFrom: z.string().optional(), validTo: z.string().optional() }),
    ),
    relations: z.array(
      z.object({
        kind: z.string(),
        direction: z.enum(['outgoing', 'incoming']),
        entity: z.object({ id: z.string(), name: z.string().nullable() }),
      }),
    ),
  })
  .meta({ id: 'Entity' });

export const recordSchema = z
  .object({
    id: z.number().int(),
    sourceId: z.string(),
    originNode: z.string(),
    category: z.string(),
    domain: z.string(),
    severity: z.string().nullable(),
    authority: z.string(),
    decisionNo: z.string(),
    decidedOn: z.string(),
    legalBasis: z.array(z.object({ instrument: z.string(), article: z.string() })),
    summary: z.string(),
    status: z.string(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'Record' });

export const entityRoutes =
  (entities: EntityService, search: SearchService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/v1/entities', {
      config: { action: 'public.read' },
      schema: {
        summary: 'Search entities, or find one by identifier',
        description:
          'Exactly one of `q` and `identifier`. `q` searches: an identifier in any scheme (normalised; with or without `scheme:`) resolves exactly, anything else ranks names in any script, each hit scored (0–1) and explained (SearchHit items). `identifier` is the exact look-up by `scheme:value` (Entity items, zero or one); `jurisdiction` and `limit` apply to `q` only.',
        tags: ['register'],
        querystring: z
          .object({
            q: z.string().min(1).max(200).optional().describe('free text: a name in any script, or an identifier'),
            identifier: z.string().min(1).max(200).optional().describe('`scheme:value`, e.g. uscc:9144030071526726XG'),
            jurisdiction: jurisdictionSchema.optional(),
            limit: limitSchema,
          })
          .refine((query) => (query.q === undefined) !== (query.identifier === undefined), {
            message: 'exactly one of q and identifier is required',
            path: ['q'],
          }),
        response: { 200: z.union([z.object({ items: z.array(searchHitSchema) }), z.object({ items: z.array(entitySchema) })]), 400: problemSchema },
      },
      handler: async ({ query }) =>
        query.q === undefined
          ? { items: await entities.findByIdentifier(query.identifier!) }
          : { items: await search.search({ q: query.q, jurisdiction: query.jurisdiction, limit: query.limit }) },
    });

    app.get('/v1/entities/:ref', {
      config: { action: 'public.read' },
      schema: {
        summary: 'An entity of the register',
        tags: ['register'],
        params: refParam,
        response: { 200: entitySchema, 400: problemSchema, 404: problemSchema },
      },
      handler: async (request) => entities.get(request.params.ref),
    });

    app.get('/v1/entities/:ref/records', {
      config: { action: 'public.read' },
      schema: {
        summary: "An entity's records",
        description: 'Records in id order, a page at a time; pass `next` back as `after` for the following page.',
        tags: ['register'],
        params: refParam,
        querystring: z.object({
          after: z.string().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(recordSchema), next: z.string().nullable() }), 400: problemSchema, 404: problemSchema },
      },
      handler: async (request) => entities.records(request.params.ref, request.query),
    });
  };
