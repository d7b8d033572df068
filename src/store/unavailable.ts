/**
 * Driver errors that mean "the database cannot be reached right now" rather than "this request is wrong":
 * the server refused or dropped the connection, is shutting down or starting up, or has no connection
 * slot left. The HTTP layer answers them 503 (retry later) instead of 500; the pool reconnects on its own
 * once the server is back.
 */

/** Socket errors of node:net when the server is down or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down),
 * too_many_connections; class 08 (connection exceptions) is matched by prefix.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres says, without a code, when a connection dies under it or the pool cannot get one. */
const DRIVER_MESSAGES = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * Whether `error`, or an error it wraps (`cause`, as Drizzle wraps driver errors; `errors` of an
 * AggregateError, as node:net reports every address it tried), says the database is unreachable.
 *
 * @example isDatabaseUnavailable(new Error('Failed query', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) })) === true
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (DRIVER_MESSAGES.test(current.message)) return true;
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}
