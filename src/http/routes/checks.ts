/** The point-of-service check (SPEC §5), one at a time or in batches. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_BATCH, type CheckService } from '../../services/check-service.js';
import { checkRequestSchema, checkResultSchema } from '../policy-schemas.js';
import { problemOf, problemSchema } from '../problem.js';

/**
 * The hot path skips validating its own answer against the zod schema on the way out (the schema still
 * documents it): `CheckService` builds exactly that shape, typed, and plain `JSON.stringify` is several
 * times faster than a zod pass over measures, legal bases and facts.
 */
const serializerCompiler = () => (data: unknown) => JSON.stringify(data);

export const checkRoutes =
  (checks: CheckService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/v1/checks', {
      config: { action: 'checks.run' },
      schema: {
        summary: 'Check an entity at a point of service',
        description:
          'Which measures apply to the entity in the context, on `at` (default today), and the decision they add up to, with legal basis, implementing authority and the facts behind each. Answered from the check index.',
        tags: ['checks'],
        body: checkRequestSchema,
        response: { 200: checkResultSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
      serializerCompiler,
      // Not async: Fastify sends an answer the handler returns at once, without a promise to settle first.
      handler: (request) => checks.check(request.body, request.principal),
    });

    app.post('/v1/checks/batch', {
      config: { action: 'checks.run' },
      schema: {
        summary: 'Check up to 1,000 entities at once',
        description: 'Each item is answered in order with a `result`, or a `problem` of its own; more than 1,000 items is a 400.',
        tags: ['checks'],
        body: z.object({ checks: z.array(checkRequestSchema).min(1).max(MAX_BATCH) }),
        response: {
          200: z.object({ items: z.array(z.union([z.object({ result: checkResultSchema }), z.object({ problem: problemSchema })])) }),
          400: problemSchema,
        },
      },
      serializerCompiler,
      handler: async (request) => ({
        items: (await checks.checkBatch(request.body.checks, request.principal)).map((a) => (a.ok ? { result: a.result } : { problem: problemOf(a.error) })),
      }),
    });
  };
