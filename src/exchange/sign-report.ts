/**
 * A verifiable credit report (issue 5 §6): the public report as a compact JWS (RFC 7515) signed with EdDSA by
 * the issuing node, its payload the report itself beside the JWT claims `iss`, `sub`, `iat` and `exp`, and its
 * header explicitly typed (RFC 8725 §3.11) so a report cannot be taken for another kind of token.
 */
import type { NodeId } from '../domain/taxonomy.js';
import { signCompact } from './compact-jws.js';
import { NODE_KEY_ALG, type SigningKey } from './node-keys.js';

/** The `typ` header of a signed report. */
export const REPORT_TYP = 'credence-report+jwt';

/** The JWT claims a signed report carries beside the report's own fields. */
export interface ReportClaims {
  /** The issuing node, `credence:<node>`. */
  iss: string;
  /** The entity the report is about (its internal id). */
  sub: string;
  /** Issued at, in seconds since the epoch. */
  iat: number;
  /** Expires at, in seconds since the epoch. */
  exp: number;
}

/** The issuer name of a node in its signed documents. */
export function issuerOf(node: NodeId): string {
  return `credence:${node}`;
}

/**
 * Signs `report` as node `issuer` with `key`, valid for `validityDays` from `now`.
 *
 * @example await signReport(await reports.report('uscc:…'), await nodeKeys.signingKey(), { issuer: 'credence:gd', subject: id, now, validityDays: 30 })
 */
export function signReport(
  report: object,
  key: SigningKey,
  options: { issuer: string; subject: string; now: Date; validityDays: number },
): string {
  const iat = Math.floor(options.now.getTime() / 1000);
  const claims: ReportClaims = { iss: options.issuer, sub: options.subject, iat, exp: iat + options.validityDays * 86_400 };
  return signCompact({ alg: NODE_KEY_ALG, kid: key.kid, typ: REPORT_TYP }, JSON.stringify({ ...report, ...claims }), key.key).toString('latin1');
}
