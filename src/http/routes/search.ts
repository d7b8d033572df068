/** Matching a partial entity against the register, and the shapes search and matching answer with. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IDENTIFIER_SCHEMES } from '../../domain/identifiers/index.js';
import { JURISDICTIONS, NAME_LANGS } from '../../domain/taxonomy.js';
import { SEARCH_LIMIT, type SearchService } from '../../services/search-service.js';
import { problemSchema } from '../problem.js';

export const jurisdictionSchema = z.enum(JURISDICTIONS).describe('only entities of this jurisdiction');
export const limitSchema = z.coerce.number().int().min(1).max(SEARCH_LIMIT.max).default(SEARCH_LIMIT.default).describe('how many hits at most');

const hitFields = {
  entity: z.object({
    id: z.string(),
    jurisdiction: z.string(),
    names: z.array(z.object({ value: z.string(), lang: z.enum(NAME_LANGS).optional() })),
    identifiers: z.array(z.object({ scheme: z.string(), value: z.string() })),
  }),
  score: z.number().min(0).max(1).describe('1 for an exact identifier; otherwise the best name similarity'),
  explanation: z.array(z.string()).describe('the features that produced the score'),
};

export const searchHitSchema = z.object(hitFields).meta({ id: 'SearchHit' });

const matchCandidateSchema = z
  .object({ ...hitFields, match: z.boolean().describe('score reaches the match threshold (0.8)') })
  .meta({ id: 'MatchCandidate' });

const matchBody = z
  .object({
    names: z.array(z.object({ value: z.string().trim().min(1).max(300), lang: z.enum(NAME_LANGS).optional() })).min(1).max(20),
    identifiers: z.array(z.object({ scheme: z.enum(IDENTIFIER_SCHEMES), value: z.string().min(1).max(64) })).max(20).optional(),
    jurisdiction: jurisdictionSchema.optional(),
    limit: limitSchema,
  })
  .meta({ id: 'MatchRequest' });

export const matchRoutes =
  (search: SearchService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/v1/match', {
      config: { action: 'public.read' },
      schema: {
        summary: 'Match a partial entity',
        description:
          'Scores the register against some names (each in its own language), identifiers and a jurisdiction, for screening and linking. An exact identifier is a match with score 1.',
        tags: ['register'],
        body: matchBody,
        response: { 200: z.object({ candidates: z.array(matchCandidateSchema) }), 400: problemSchema },
      },
      handler: async (request) => ({ candidates: await search.match(request.body) }),
    });
  };
