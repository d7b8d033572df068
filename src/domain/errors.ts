/**
 * Typed domain errors with stable codes. Services throw them; the HTTP layer maps them to RFC 9457
 * problem+json in one place and the CLI to exit codes. Domain code never throws HTTP errors.
 */
export const ERROR_CODES = {
  INVALID_ENTITY_REF: 400,
  INVALID_REQUEST: 400,
  /** No credentials, or a key that is unknown, expired or revoked. */
  UNAUTHENTICATED: 401,
  /** Credentials that do not reach this action or subject (the access module decided). */
  FORBIDDEN: 403,
  ENTITY_NOT_FOUND: 404,
  NOT_FOUND: 404,
  /** A policy pack failed validation; `problems` name file and path. */
  POLICY_PACK_INVALID: 400,
  /** The request contradicts stored state, e.g. activating a pack version that already exists. */
  CONFLICT: 409,
  /** An objection filed after the window the pack allows (counted from the decision or the list entry's start). */
  OBJECTION_DEADLINE_PASSED: 409,
  /** A credit repair application for a subject that cannot be repaired, or with a checkable condition unmet. */
  REPAIR_NOT_ALLOWED: 409,
  /** An attachment larger than the limit. */
  PAYLOAD_TOO_LARGE: 413,
  /** An attachment of a media type not accepted, or whose bytes are not of the type it declares. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldProblem {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}
