/**
 * RFC 9457 problem details: the one mapping from errors to HTTP answers. Domain errors keep their message
 * and code; request-validation errors name each field; a database that cannot be reached is a 503 to retry;
 * anything else is a 500 whose details stay in the log.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, ERROR_CODES, type FieldProblem } from '../domain/errors.js';
import { isDatabaseUnavailable } from '../store/unavailable.js';

export const problemSchema = z
  .object({
    type: z.string().describe('URI reference identifying the problem type, e.g. /problems/entity-not-found'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().describe('Stable machine-readable code, e.g. ENTITY_NOT_FOUND'),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problem(status: number, code: string, detail: string, errors?: FieldProblem[]): Problem {
  return {
    type: `/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, body: Problem): FastifyReply {
  return reply
    .code(body.status)
    .type('application/problem+json')
    .send({ ...body, instance: request.url });
}

/** Fastify's default longest path parameter, which the server keeps. */
export const MAX_PARAM_LENGTH = 100;

/** A path parameter over `MAX_PARAM_LENGTH`, refused before any route runs. */
export function uriTooLong(): Problem {
  return problem(414, 'URI_TOO_LONG', `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`);
}

/** The problem a domain error stands for (also used per item of a batch answer). */
export function problemOf(error: DomainError): Problem {
  return problem(ERROR_CODES[error.code], error.code, error.message, error.problems);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) return sendProblem(reply, request, problemOf(error));
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      field: [v.instancePath.replace(/^\//, '').replace(/\//g, '.')].filter(Boolean).join('') || error.validationContext || 'request',
      reason: v.message ?? 'invalid',
    }));
    const detail = `invalid ${error.validationContext ?? 'request'}: ${errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`;
    return sendProblem(reply, request, problem(400, 'INVALID_REQUEST', detail, errors));
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500 && isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return sendProblem(reply.header('retry-after', '5'), request, problem(503, 'UNAVAILABLE', 'the database cannot be reached just now; retry shortly'));
  }
  if (status === 500) {
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, problem(500, 'INTERNAL', 'the server could not answer this request; it has been logged'));
  }
  return sendProblem(reply, request, problem(status, error.code ?? 'INVALID_REQUEST', error.message));
}
