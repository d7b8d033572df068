/**
 * Authentication and the route-level access decision. Every route declares `config.action`; a route
 * without one refuses to register, so no route can be added without saying who may call it. The decision
 * itself is `authorize` in the domain's access module; subject-level decisions (own entity, own authority,
 * own context) are taken by the services with the same module once they know the subject.
 *
 * Credentials: `Authorization: Bearer <key>`, or the `credence_session` cookie a browser gets from
 * `POST /v1/sessions`.
 */
import { fastifyCookie } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ANONYMOUS, requireAccess, type Action, type Principal } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import type { KeyService } from '../services/key-service.js';

export const SESSION_COOKIE = 'credence_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route does, for the access module. Required on every route. */
    action?: Action;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Routes that plugins register for us (the API explorer) and that serve only public documentation. */
const DOCUMENTATION = /^\/docs(\/|$)/;

/**
 * The session cookie of a request, read only for a request without a key. The cookie plugin itself is
 * registered with the session routes alone: registered globally it parses every request's cookies and adds an
 * `onSend` hook to every answer, a cost the point-of-service check paid on each call.
 */
export function sessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header === undefined ? undefined : fastifyCookie.parse(header)[SESSION_COOKIE];
}

export const accessControl = fp(async (server: FastifyInstance, options: { keys: KeyService }) => {
  // Set by the onRequest hook below before any handler runs.
  server.decorateRequest('principal', null as never);
  server.addHook('onRoute', (route) => {
    if (route.config?.action === undefined && !DOCUMENTATION.test(route.url) && route.url !== '*') {
      throw new Error(`route ${String(route.method)} ${route.url} does not declare config.action: every route must say who may call it`);
    }
  });
  // Callback style: a caller whose credential is cached (every request of a busy caller) is admitted without a
  // promise and a turn of the microtask queue.
  server.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    const header = request.headers.authorization;
    let key: string | undefined;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw new DomainError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <key>"');
      key = match[1];
    }
    const session = key === undefined ? sessionCookie(request) : undefined;
    const principal = options.keys.authenticate({ key, session });
    if (!(principal instanceof Promise)) {
      admit(request, principal);
      done();
      return;
    }
    principal
      // A stale session cookie is ignored rather than refused: public pages keep working for a signed-out browser.
      .catch((error: unknown) => {
        if (session !== undefined && error instanceof DomainError) return ANONYMOUS;
        throw error;
      })
      .then((known) => admit(request, known))
      .then(() => done(), done);
  });
});

/** Sets the request's principal and refuses it a route its role may not call. */
function admit(request: FastifyRequest, principal: Principal): void {
  request.principal = principal;
  const action = request.routeOptions.config.action;
  if (action !== undefined) requireAccess(principal, action);
}
