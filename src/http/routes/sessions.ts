/** Browser sessions: a key is exchanged for an HttpOnly cookie, so the web app never keeps the key. */
import { fastifyCookie } from '@fastify/cookie';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../domain/access.js';
import type { KeyService } from '../../services/key-service.js';
import { SESSION_COOKIE, sessionCookie } from '../access.js';
import { problemSchema } from '../problem.js';

const principalSchema = z
  .object({
    role: z.enum(['anonymous', 'entity', 'officer', 'policy-admin', 'service', 'partner']),
    keyId: z.string().optional(),
    entityId: z.string().optional(),
    authority: z.string().optional(),
    duties: z.array(z.string()).optional(),
    contexts: z.array(z.string()).optional(),
    node: z.string().optional(),
  })
  .meta({ id: 'Principal' });

export const sessionRoutes =
  (keys: KeyService): FastifyPluginAsyncZod =>
  async (app) => {
    // Only these routes set cookies; the plugin's hooks stay inside this scope (see `sessionCookie`).
    await app.register(fastifyCookie, { hook: false });

    app.post('/v1/sessions', {
      config: { action: 'session.open' },
      schema: {
        summary: 'Open a browser session with a key',
        description:
          'Send the key as `Authorization: Bearer <key>`; the answer sets the `credence_session` cookie (HttpOnly, SameSite=Strict) for at most 8 hours and never longer than the key lives.',
        tags: ['access'],
        response: { 201: z.object({ principal: principalSchema, expiresAt: z.string() }), 401: problemSchema },
      },
      handler: async (request, reply) => {
        const { token, expiresAt, maxAgeSeconds } = await keys.openSession(request.principal);
        reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge: maxAgeSeconds });
        return reply.code(201).send({ principal: view(request.principal), expiresAt });
      },
    });

    app.get('/v1/sessions/current', {
      config: { action: 'public.read' },
      schema: {
        summary: 'Who the caller is',
        description: 'The role and scope of the key or session the request carries; `anonymous` without one.',
        tags: ['access'],
        response: { 200: z.object({ principal: principalSchema }) },
      },
      handler: async (request) => ({ principal: view(request.principal) }),
    });

    app.delete('/v1/sessions/current', {
      config: { action: 'public.read' },
      schema: { summary: 'Close the browser session', tags: ['access'], response: { 204: z.null() } },
      handler: async (request, reply) => {
        const token = sessionCookie(request);
        if (token !== undefined) await keys.closeSession(token);
        return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(null);
      },
    });
  };

function view(principal: Principal): z.infer<typeof principalSchema> {
  return principal.role === 'officer' ? { ...principal, duties: [...principal.duties] } : principal.role === 'service' ? { ...principal, contexts: [...principal.contexts] } : { ...principal };
}
