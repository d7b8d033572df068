/** The register: entities and their records, looked up by `scheme:value` or internal id. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EntityService } from '../../services/entity-service.js';
import { problemSchema } from '../problem.js';

const refParam = z.object({
  ref: z.string().max(200).describe('`scheme:value` (uscc, hk-brn, hk-cr, mo-reg, lei, aeo) or the internal entity id'),
});

const entitySchema = z
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

const recordSchema = z
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
  (entities: EntityService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/v1/entities', {
      schema: {
        summary: 'Find entities by identifier',
        description: 'Exact look-up by identifier; the value is normalised (width, case, spacing) before matching.',
        tags: ['register'],
        querystring: z.object({ identifier: z.string().min(1).max(200).describe('`scheme:value`, e.g. uscc:9144030071526726XG') }),
        response: { 200: z.object({ items: z.array(entitySchema) }), 400: problemSchema },
      },
      handler: async (request) => ({ items: await entities.findByIdentifier(request.query.identifier) }),
    });

    app.get('/v1/entities/:ref', {
      schema: {
        summary: 'An entity of the register',
        tags: ['register'],
        params: refParam,
        response: { 200: entitySchema, 400: problemSchema, 404: problemSchema },
      },
      handler: async (request) => entities.get(request.params.ref),
    });

    app.get('/v1/entities/:ref/records', {
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
