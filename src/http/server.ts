/**
 * The HTTP adapter: Fastify with zod schemas for validation, serialisation and OpenAPI 3.1, problem+json
 * errors, metrics and request logs. Routes are thin; they call the services of the app.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { App } from '../app.js';
import { errorHandler, MAX_PARAM_LENGTH, problem, sendProblem, uriTooLong } from './problem.js';
import { entityRoutes } from './routes/entities.js';
import { operationsRoutes } from './routes/operations.js';
import { matchRoutes } from './routes/search.js';
import { checkRoutes } from './routes/checks.js';
import { policyRoutes } from './routes/policy.js';
import { reportRoutes } from './routes/reports.js';
import { sessionRoutes } from './routes/sessions.js';
import { recordRoutes } from './routes/records.js';
import { meRoutes } from './routes/me.js';
import { exchangeKeyRoutes } from './routes/exchange-keys.js';
import { exchangeFeedRoutes } from './routes/exchange-feed.js';
import { watchRoutes } from './routes/watches.js';
import { objectionRoutes } from './routes/objections.js';
import { repairRoutes } from './routes/repairs.js';
import { statementRoutes } from './routes/statements.js';
import { transparencyRoutes } from './routes/transparency.js';
import { accessControl } from './access.js';
import { rateLimits } from './rate-limit.js';
import { webApp } from './web.js';

export const API_VERSION = '0.1.0';

export async function buildHttpServer(app: App): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    bodyLimit: 1 << 20,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // URLs refused before routing (malformed percent-encoding, a path parameter over 100 characters) answer
    // problem+json like everything else.
    frameworkErrors: (error, request, reply) =>
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? sendProblem(reply, request, uriTooLong())
        : sendProblem(reply, request, problem(400, 'INVALID_REQUEST', `the URL cannot be read: ${error.message}`)),
  });
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.setErrorHandler(errorHandler);
  server.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, problem(404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
  server.addHook('onResponse', (request, reply, done) => {
    app.metrics.httpRequests.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  await server.register(accessControl, { keys: app.keys });
  await server.register(rateLimits, { limits: app.config.rateLimits });
  await server.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Credence API',
        version: API_VERSION,
        description:
          'Enterprise credit information for the Guangdong–Hong Kong–Macau Greater Bay Area: the register of legal entities and the public-law records about them. Errors are RFC 9457 problem+json.',
      },
      tags: [
        { name: 'register', description: 'Entities and records' },
        { name: 'operations', description: 'Health, readiness and metrics' },
        { name: 'checks', description: 'Point-of-service checks: decisions with reasons' },
        { name: 'policy', description: 'Policy pack simulation and activation' },
        { name: 'access', description: 'Browser sessions obtained with an API key' },
        { name: 'exchange', description: "The node's signing keys and the exchange between nodes" },
        { name: 'watches', description: 'Continuous re-screening: decision changes of watched entities, pulled or pushed' },
        { name: 'recording', description: "Officers' recording, correction and revocation of records" },
        { name: 'me', description: "An entity's notices and webhook" },
        { name: 'due process', description: 'Objections, credit repair and statements: filed by entities, decided by reviewers of the deciding authority' },
        { name: 'transparency', description: 'Public aggregate figures: lists, objections, repairs and checks month by month' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await server.register(fastifySwaggerUi, { routePrefix: '/docs' });
  server.get('/openapi.json', { config: { action: 'public.read' }, schema: { hide: true } }, async () => server.swagger());

  await server.register(operationsRoutes({ database: app.database, metrics: app.metrics, node: app.config.node, warmUp: () => app.warmUp }));
  await server.register(entityRoutes(app.entities, app.search));
  await server.register(matchRoutes(app.search));
  await server.register(checkRoutes(app.checks));
  await server.register(reportRoutes(app.reports));
  await server.register(policyRoutes(app.policy));
  await server.register(sessionRoutes(app.keys));
  await server.register(recordRoutes(app.records));
  await server.register(meRoutes(app.notices, app.outbox));
  await server.register(exchangeKeyRoutes({ nodeKeys: app.nodeKeys, signedReports: app.signedReports }));
  await server.register(exchangeFeedRoutes({ node: app.config.node, feed: app.feed, replication: app.replication }));
  await server.register(watchRoutes(app.watches, app.outbox));
  await server.register(objectionRoutes(app.objections));
  await server.register(repairRoutes(app.repairs));
  await server.register(statementRoutes(app.statements));
  await server.register(transparencyRoutes(app.transparency));
  await server.register(webApp);
  await server.ready();
  return server;
}
