/** Officers' recording: records created, corrected and revoked through the API (issue 4 §2). */
import type { FastifySchemaCompiler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import type { RecordService } from '../../services/record-service.js';
import { problemSchema } from '../problem.js';
import { recordSchema } from './entities.js';

const idParam = z.object({ id: z.coerce.number().int().min(1).describe('The record id') });

const refusals = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/**
 * Validates params with their schema and the body with `bodySchema()` as of the request: a record's dates
 * may not be after today, so a body schema fixed when the route was registered would go stale at midnight.
 */
function bodyOfTheDay(bodySchema: () => z.ZodType): FastifySchemaCompiler<unknown> {
  return ({ schema, httpPart }) =>
    (data) => {
      const parsed = (httpPart === 'body' ? bodySchema() : (schema as z.ZodType)).safeParse(data);
      if (parsed.success) return { value: parsed.data };
      const problems = parsed.error.issues.map((i) => ({
        field: [...i.path.map(String), ...(i.code === 'unrecognized_keys' ? [i.keys[0]!] : [])].join('.') || (httpPart ?? 'request'),
        reason: i.code === 'unrecognized_keys' ? 'unknown field: records are closed to other data' : i.message,
      }));
      return { error: new DomainError('INVALID_REQUEST', `invalid ${httpPart ?? 'request'}: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`, problems) };
    };
}

export const recordRoutes =
  (records: RecordService): FastifyPluginAsyncZod =>
  async (app) => {
    const schemas = records.requestSchemas();

    app.post('/v1/records', {
      config: { action: 'records.create' },
      schema: {
        summary: 'Record a decision',
        description:
          "An officer with the recorder duty records a decision of their own authority, in the interchange format's record shape (`type` may be left out; `subject` is an entity reference). Idempotent on `sourceId`: the same record again answers 200 with the stored one; different content under a recorded `sourceId` is a 409 (correct it instead). Checks, reports and notices follow before the answer.",
        tags: ['recording'],
        body: schemas.record,
        response: { 200: recordSchema, 201: recordSchema, ...refusals },
      },
      validatorCompiler: bodyOfTheDay(() => records.requestSchemas().record),
      handler: async (request, reply) => {
        const { created, record } = await records.create(request.body, request.principal);
        return reply.code(created ? 201 : 200).send(record);
      },
    });

    app.get('/v1/records/:id', {
      config: { action: 'public.read' },
      schema: { summary: 'A record', tags: ['recording'], params: idParam, response: { 200: recordSchema, 400: problemSchema, 404: problemSchema } },
      handler: async (request) => records.get(request.params.id),
    });

    app.post('/v1/records/:id/correction', {
      config: { action: 'records.amend' },
      schema: {
        summary: 'Correct a record',
        description:
          'Send the fields to correct and the `reason`. The record becomes `corrected` and a new record with the corrected content is created (source id `<sourceId>#c<n>`, `details.corrects` naming the old id), audited; effects follow at once. Subject, authority and source id cannot be corrected (revoke and record anew). Only an active record of your own authority (409 otherwise).',
        tags: ['recording'],
        params: idParam,
        body: schemas.correction,
        response: { 201: z.object({ corrected: recordSchema, record: recordSchema }), ...refusals },
      },
      validatorCompiler: bodyOfTheDay(() => records.requestSchemas().correction),
      handler: async (request, reply) => reply.code(201).send(await records.correct(request.params.id, request.body, request.principal)),
    });

    app.post('/v1/records/:id/revocation', {
      config: { action: 'records.amend' },
      schema: {
        summary: 'Revoke a record',
        description: 'The record becomes `revoked` and stops having effect at once; audited with the reason. Only an active record of your own authority (409 otherwise).',
        tags: ['recording'],
        params: idParam,
        body: schemas.revocation,
        response: { 200: recordSchema, ...refusals },
      },
      handler: async (request) => records.revoke(request.params.id, request.body, request.principal),
    });
  };
