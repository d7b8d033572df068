/** The point-of-service check (SPEC §5), one at a time or in batches. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Citation } from '../../policy/pack-schema.js';
import { MAX_BATCH, type CheckResult, type CheckService } from '../../services/check-service.js';
import type { MeasureView } from '../../services/decision-index.js';
import { checkRequestSchema, checkResultSchema } from '../policy-schemas.js';
import { problemOf, problemSchema } from '../problem.js';

/**
 * The hot path skips validating its own answer against the zod schema on the way out (the schema still
 * documents it): `CheckService` builds exactly that shape, typed, and plain `JSON.stringify` is several
 * times faster than a zod pass over measures, legal bases and facts.
 */
const serializerCompiler = () => (data: unknown) => JSON.stringify(data);

/** The single check's answer written by `checkResultJson`; its problems (every other status) as above. */
const checkSerializerCompiler = ({ httpStatus }: { httpStatus?: string }) =>
  httpStatus === '200' ? (data: unknown) => checkResultJson(data as CheckResult) : serializerCompiler();

/** JSON of the pack's citation arrays, each written once: answers share them (`applied` in the domain's measures). */
const citations = new WeakMap<readonly Citation[], string>();

function citationsJson(legalBasis: readonly Citation[]): string {
  let json = citations.get(legalBasis);
  if (json === undefined) citations.set(legalBasis, (json = JSON.stringify(legalBasis)));
  return json;
}

function measuresJson(measures: readonly MeasureView[]): string {
  let json = '[';
  for (const m of measures) {
    if (json.length > 1) json += ',';
    json += `{"id":${JSON.stringify(m.id)},"kind":"${m.kind}","effect":"${m.effect}","authority":${JSON.stringify(m.authority)},"legalBasis":${citationsJson(m.legalBasis)},"because":${JSON.stringify(m.because)}}`;
  }
  return json + ']';
}

/**
 * A check answer as JSON, the same text `JSON.stringify` gives (a unit test holds it to that), written for the
 * route that answers at full speed: the legal bases, long and mostly Chinese, are over a quarter of an answer's bytes and
 * about half of the time JSON.stringify took; here each is serialised once. Enumerated values and the date need
 * no escaping.
 */
export function checkResultJson(r: CheckResult): string {
  return `{"decision":"${r.decision}","measures":${measuresJson(r.measures)},"facilitations":${measuresJson(r.facilitations)},"disputed":${r.disputed},"policyVersion":${JSON.stringify(r.policyVersion)},"evaluatedAt":"${r.evaluatedAt}"}`;
}

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
      serializerCompiler: checkSerializerCompiler,
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
