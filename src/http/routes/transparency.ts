/** The transparency dashboard's figures: public, aggregate, month by month. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DECISIONS, LIST_KINDS, MEASURE_CONTEXTS } from '../../domain/policy/vocabulary.js';
import { TRANSPARENCY_MONTHS, type TransparencyService } from '../../services/transparency-service.js';

const series = z.array(z.number()).describe('One value per month of `months`');
const medians = z.array(z.number().nullable()).describe('Median days from filing to decision of the cases decided that month; null when none was');

const transparencySchema = z
  .object({
    node: z.string(),
    asOf: z.string().describe('The GBA date the figures are as of'),
    policyVersion: z.string().describe('The active pack, under which list entries are evaluated'),
    months: z.array(z.string()).describe(`The last ${TRANSPARENCY_MONTHS} GBA calendar months (YYYY-MM), oldest first`),
    lists: z.array(
      z.object({
        list: z.string(),
        kind: z.enum(LIST_KINDS),
        name: z.object({ zh: z.string(), en: z.string(), pt: z.string().optional() }),
        current: z.number().int().describe('Entities on the list today'),
        entered: series.describe('Entries taking effect each month'),
        exited: series.describe('Entries ending each month'),
      }),
    ),
    objections: z.object({ filed: series, upheld: series, rejected: series, medianDaysToDecision: medians }),
    repairs: z.object({ filed: series, granted: series, refused: series, medianDaysToDecision: medians }),
    checks: z
      .array(z.object({ context: z.enum(MEASURE_CONTEXTS), decisions: z.object(Object.fromEntries(DECISIONS.map((d) => [d, series])) as Record<(typeof DECISIONS)[number], typeof series>) }))
      .describe('Checks answered per context and decision, by the GBA day they were answered'),
  })
  .meta({ id: 'TransparencyReport' });

export const transparencyRoutes =
  (transparency: TransparencyService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/v1/transparency', {
      config: { action: 'public.read' },
      schema: {
        summary: 'Transparency figures',
        description:
          'Month by month: list entries and exits (as the active pack evaluates the register today), objections filed, upheld and rejected with the median days to decision, credit repair applications filed, granted and refused, and checks answered per context and decision. Aggregates only. The exchange with partner nodes is `GET /v1/exchange/status`.',
        tags: ['transparency'],
        response: { 200: transparencySchema },
      },
      handler: async () => transparency.report(),
    });
  };
