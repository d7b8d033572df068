/** Which driver errors count as "database unreachable" (503) rather than a fault of the server (500). */
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';

const coded = (code: string, message = 'driver error') => Object.assign(new Error(message), { code });
const wrapped = (cause: Error) => new Error('Failed query: select 1', { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', coded('ECONNREFUSED'), true],
    ['connection refused under a Drizzle query error', wrapped(coded('ECONNREFUSED')), true],
    ['every address refused', new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), true],
    ['server shutting down (admin_shutdown)', coded('57P01', 'terminating connection due to administrator command'), true],
    ['server starting up (cannot_connect_now)', wrapped(coded('57P03', 'the database system is starting up')), true],
    ['connection exception class 08', coded('08006'), true],
    ['no connection slot left', coded('53300'), true],
    ['connection dropped mid-query', new Error('Connection terminated unexpectedly'), true],
    ['pool could not connect in time', wrapped(new Error('timeout exceeded when trying to connect')), true],
    ['unique violation', wrapped(coded('23505', 'duplicate key value violates unique constraint')), false],
    ['syntax error', coded('42601'), false],
    ['a plain bug', new TypeError('cannot read properties of undefined'), false],
    ['not an error', 'ECONNREFUSED', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
