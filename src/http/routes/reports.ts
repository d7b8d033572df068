/** The public credit report of an entity. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReportService } from '../../services/report-service.js';
import { membershipSchema, ratingSchema } from '../policy-schemas.js';
import { problemSchema } from '../problem.js';
import { entitySchema, recordSchema } from './entities.js';

const reportSchema = z
  .object({
    entity: entitySchema,
    policyVersion: z.string(),
    asOf: z.string(),
    lists: z.array(membershipSchema).describe('Memberships in effect (active) or in their notice window (pending)'),
    ratings: z.array(ratingSchema),
    records: z.array(
      recordSchema.extend({
        publication: z.object({ regime: z.string(), from: z.string(), repairFrom: z.string(), until: z.string() }).nullable(),
        disputed: z.boolean(),
        statement: z
          .object({ text: z.string(), updatedAt: z.string() })
          .nullable()
          .describe('The entity’s own statement beside the record, if it wrote one'),
      }),
    ),
    disputed: z.boolean(),
  })
  .meta({ id: 'CreditReport' });

export const reportRoutes =
  (reports: ReportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/v1/entities/:ref/report', {
      config: { action: 'public.read' },
      schema: {
        summary: 'The public credit report of an entity',
        description:
          'Identity and names, current list memberships with legal basis, start, end and remedies, ratings in force, and the records inside their publication window (records outside it are not public), with disputed flags, the entity’s statements beside its records, and the policy version.',
        tags: ['register'],
        params: z.object({ ref: z.string().max(200).describe('`scheme:value` or the internal entity id') }),
        response: { 200: reportSchema, 400: problemSchema, 404: problemSchema },
      },
      handler: async (request) => reports.report(request.params.ref),
    });
  };
