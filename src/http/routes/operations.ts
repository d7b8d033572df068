/** Liveness, readiness and metrics for operators and orchestrators. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WarmUp } from '../../app.js';
import type { Database } from '../../store/database.js';
import type { Metrics } from '../metrics.js';
import { problem, problemSchema, sendProblem } from '../problem.js';

const READY_TIMEOUT_MS = 2_000;

export const operationsRoutes =
  (deps: { database: Database; metrics: Metrics; node: string; warmUp: () => WarmUp }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/healthz', {
      config: { action: 'public.read' },
      schema: { summary: 'Liveness: the process is up', tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } },
      handler: async () => ({ status: 'ok' as const }),
    });

    app.get('/readyz', {
      config: { action: 'public.read' },
      schema: {
        summary: 'Readiness: the database answers and the search and check indexes are built',
        tags: ['operations'],
        response: { 200: z.object({ status: z.literal('ready'), node: z.string() }), 503: problemSchema },
      },
      handler: async (request, reply) => {
        const warmUp = deps.warmUp();
        if (warmUp.state === 'warming') {
          return sendProblem(reply, request, problem(503, 'UNAVAILABLE', 'warming up: building the search and check indexes'));
        }
        if (warmUp.state === 'failed') {
          return sendProblem(reply, request, problem(503, 'UNAVAILABLE', `building the indexes failed: ${warmUp.error}`));
        }
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), READY_TIMEOUT_MS).unref());
        try {
          await Promise.race([deps.database.ping(), timeout]);
          return { status: 'ready' as const, node: deps.node };
        } catch (error) {
          return sendProblem(reply, request, problem(503, 'UNAVAILABLE', `database not reachable: ${(error as Error).message}`));
        }
      },
    });

    app.get('/metrics', {
      config: { action: 'public.read' },
      schema: { summary: 'Prometheus metrics', tags: ['operations'], produces: ['text/plain'] },
      handler: async (_request, reply) =>
        reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
    });
  };
