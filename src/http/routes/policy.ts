/** Policy administration: the active pack's files, simulating a candidate pack against current data, activating one. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../domain/access.js';
import type { PolicyService } from '../../services/policy-service.js';
import { simulationSchema } from '../policy-schemas.js';
import { problemSchema } from '../problem.js';

const filesSchema = z.object({
  files: z.record(z.string(), z.unknown()).describe('The pack files by name (`pack.yaml`, `lists.yaml`, …), each parsed to JSON'),
});

export const policyRoutes =
  (policy: PolicyService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/v1/policy/pack', {
      config: { action: 'policy.simulate' },
      schema: {
        summary: 'The active policy pack',
        description:
          'The files of the pack checks are answered under now (each parsed to JSON, as simulations and activations take them), and its version: the starting point of a candidate.',
        tags: ['policy'],
        response: { 200: z.object({ version: z.string(), files: filesSchema.shape.files }), 401: problemSchema, 403: problemSchema },
      },
      handler: async () => policy.files,
    });

    app.post('/v1/policy/simulations', {
      config: { action: 'policy.simulate' },
      schema: {
        summary: 'Simulate a candidate policy pack',
        description:
          'Evaluates the candidate against every entity today, beside the active pack, and reports who would enter or leave each list and how many check decisions would change per context. Nothing is changed.',
        tags: ['policy'],
        body: filesSchema,
        response: { 200: simulationSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
      handler: async (request) => policy.simulate(request.body.files),
    });

    app.post('/v1/policy/activations', {
      config: { action: 'policy.activate' },
      schema: {
        summary: 'Activate a policy pack version',
        description:
          'Validates the pack, stores it as the active version of this node and audits the activation; checks are answered under it from then on. The version must not have been used before (409).',
        tags: ['policy'],
        body: filesSchema,
        response: {
          201: z.object({ version: z.string(), previousVersion: z.string(), activatedAt: z.string() }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
      handler: async (request, reply) => reply.code(201).send(await policy.activate(request.body.files, actorOf(request.principal))),
    });
  };
