/** Statements (issue 4 §6): an entity's own words beside one of its records, shown in the public report. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_STATEMENT_LENGTH, type StatementService } from '../../services/statement-service.js';
import { problemSchema } from '../problem.js';

const params = z.object({ id: z.coerce.number().int().positive().describe('The record id') });
const refused = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const statementRoutes =
  (statements: StatementService): FastifyPluginAsyncZod =>
  async (app) => {
    app.put('/v1/records/:id/statement', {
      config: { action: 'statements.write' },
      schema: {
        summary: 'Write the entity’s statement beside its record',
        description: `One statement per record, at most ${MAX_STATEMENT_LENGTH.toLocaleString('en')} characters; writing again replaces it. The public report shows it beside the record.`,
        tags: ['due process'],
        params,
        body: z.object({ text: z.string().trim().min(1).max(MAX_STATEMENT_LENGTH) }),
        response: { 200: z.object({ recordId: z.number().int(), text: z.string(), updatedAt: z.string() }).meta({ id: 'Statement' }), ...refused },
      },
      handler: async (request) => statements.put(request.params.id, request.body.text, request.principal),
    });

    app.delete('/v1/records/:id/statement', {
      config: { action: 'statements.write' },
      schema: { summary: 'Delete the entity’s statement beside its record', tags: ['due process'], params, response: { 204: z.null(), ...refused } },
      handler: async (request, reply) => {
        await statements.delete(request.params.id, request.principal);
        return reply.code(204).send(null);
      },
    });
  };
