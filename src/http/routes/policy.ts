/** Policy administration: simulating a candidate pack against current data. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PolicyService } from '../../services/policy-service.js';
import { simulationSchema } from '../policy-schemas.js';
import { problemSchema } from '../problem.js';

export const policyRoutes =
  (policy: PolicyService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/v1/policy/simulations', {
      schema: {
        summary: 'Simulate a candidate policy pack',
        description:
          'Evaluates the candidate against every entity today, beside the active pack, and reports who would enter or leave each list and how many check decisions would change per context. Nothing is changed.',
        tags: ['policy'],
        body: z.object({
          files: z.record(z.string(), z.unknown()).describe('The pack files by name (`pack.yaml`, `lists.yaml`, …), each parsed to JSON'),
        }),
        response: { 200: simulationSchema, 400: problemSchema },
      },
      handler: async (request) => policy.simulate(request.body.files),
    });
  };
