/** The node's identity over HTTP: its published keys, credit reports it signs, and verification of signed reports. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INVALID_REASONS } from '../../exchange/verify-report.js';
import type { NodeKeys } from '../../exchange/node-keys.js';
import type { SignedReportService } from '../../services/signed-report-service.js';
import { problemSchema } from '../problem.js';

/** Partners and relying parties may cache the keys this long; a rotation keeps old keys, so staleness is harmless. */
const JWKS_MAX_AGE_SECONDS = 300;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const jwksSchema = z
  .object({
    keys: z.array(
      z.object({
        kty: z.literal('OKP'),
        crv: z.literal('Ed25519'),
        x: z.string(),
        kid: z.string().describe('RFC 7638 thumbprint'),
        alg: z.literal('EdDSA'),
        use: z.literal('sig'),
      }),
    ),
  })
  .meta({ id: 'Jwks' });

const jwsSchema = z.string().trim().regex(COMPACT_JWS, 'a compact JWS: three base64url parts separated by dots');

const verificationSchema = z
  .discriminatedUnion('valid', [
    z.object({
      valid: z.literal(true),
      issuer: z.string().describe('`credence:<node>`'),
      subject: z.string().describe('the entity id'),
      kid: z.string(),
      issuedAt: z.string(),
      expiresAt: z.string(),
      report: z.record(z.string(), z.unknown()).describe('the report as signed (CreditReport), without the JWT claims'),
    }),
    z.object({
      valid: z.literal(false),
      reason: z.enum(INVALID_REASONS),
      message: z.string(),
      issuer: z.string().optional(),
      kid: z.string().optional(),
    }),
  ])
  .meta({ id: 'ReportVerification' });

export const exchangeKeyRoutes =
  (deps: { nodeKeys: NodeKeys; signedReports: SignedReportService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser('application/jose', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.get('/.well-known/jwks.json', {
      config: { action: 'public.read' },
      schema: {
        summary: "The node's public signing keys (JWKS)",
        description:
          'Every Ed25519 key of the node, the signing key first; keys retired by rotation stay published so that what they signed still verifies. `kid` is the RFC 7638 thumbprint.',
        tags: ['exchange'],
        response: { 200: jwksSchema },
      },
      handler: async (_request, reply) => {
        reply.header('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
        return deps.nodeKeys.jwks();
      },
    });

    app.get('/v1/entities/:ref/report.jws', {
      config: { action: 'public.read' },
      schema: {
        summary: 'The public credit report, signed by this node',
        description:
          'The report of GET /v1/entities/{ref}/report as a compact JWS (RFC 7515, `alg` EdDSA, `typ` credence-report+jwt, `kid` of the signing key in /.well-known/jwks.json). The payload is the report with the claims `iss` (`credence:<node>`), `sub` (entity id), `iat` and `exp`. Any standard JOSE library verifies it.',
        tags: ['register'],
        params: z.object({ ref: z.string().max(200).describe('`scheme:value` or the internal entity id') }),
        response: {
          200: { description: 'compact JWS', content: { 'application/jose': { schema: z.string() } } },
          400: problemSchema,
          404: problemSchema,
        },
      },
      handler: async (request, reply) => reply.type('application/jose').send(await deps.signedReports.sign(request.params.ref)),
    });

    app.post('/v1/reports/verify', {
      config: { action: 'public.read' },
      schema: {
        summary: 'Verify a signed credit report',
        description:
          'Checks a compact JWS from GET /v1/entities/{ref}/report.jws against the issuer’s JWKS (this node or a partner configured in CREDENCE_PEERS): signature by `kid`, type, expiry and issue time. Send the JWS as the body (`text/plain` or `application/jose`) or as `{"jws": "…"}`. Always 200: `valid` says the outcome and `reason` why not.',
        tags: ['register'],
        consumes: ['application/json', 'text/plain', 'application/jose'],
        body: z.union([jwsSchema, z.object({ jws: jwsSchema })]),
        response: { 200: verificationSchema, 400: problemSchema },
      },
      handler: async (request) => deps.signedReports.verify(typeof request.body === 'string' ? request.body : request.body.jws),
    });
  };
