/**
 * Serves the web app (web/dist, built by `npm run build:web`) at `/`. Hashed assets under /assets are
 * cached for a year as immutable; index.html is revalidated on every load, and any other GET path that
 * belongs to no API route gets it too, so the app's client-side routes (/entities/…, /verify) are real URLs.
 * Paths under the API's own prefixes stay the API's: an unknown one is the API's problem+json 404. When the
 * build is missing, the server logs a warning and serves the API alone.
 * Files are sent pre-compressed (the build writes .br and .gz beside each), chosen by Accept-Encoding.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ROOT } from '../paths.js';
import { MAX_PARAM_LENGTH, sendProblem, uriTooLong } from './problem.js';

const WEB_ROOT = path.join(ROOT, 'web', 'dist');

/** Paths the app never owns: the API, its documentation, operations and well-known documents. */
const API_PATHS = /^\/(v\d+|docs|openapi\.json|metrics|healthz|readyz|\.well-known)(\/|$|\?)/;

const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function webApp(server: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
    server.log.warn({ root: WEB_ROOT }, 'web app not built (npm run build:web): serving the API only');
    return;
  }
  // Only the reply decorator: the routes below say who may call them (config.action), as every route must.
  await server.register(fastifyStatic, { root: WEB_ROOT, serve: false, preCompressed: true, cacheControl: false });

  server.get('/assets/*', { config: { action: 'public.read' }, schema: { hide: true } }, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.header('cache-control', IMMUTABLE).sendFile(`assets/${file}`);
  });

  server.get('/*', { config: { action: 'public.read' }, schema: { hide: true } }, (request, reply) => {
    if (!API_PATHS.test(request.url)) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    // The router falls back to this wildcard when a path parameter is too long for an API route, instead of
    // failing with FST_ERR_MAX_PARAM_LENGTH: answer as the server's frameworkErrors answer that.
    const path = request.url.split('?')[0]!;
    if (path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) return sendProblem(reply, request, uriTooLong());
    return reply.callNotFound();
  });
}
