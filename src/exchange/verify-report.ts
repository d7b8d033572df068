/**
 * Verifying a signed credit report against its issuer's published keys: the signature by the key its header
 * names, the explicit type, the issuer and the validity period on a clock passed in. Every refusal names a
 * stable reason, so a relying party can tell a forged report from an expired one or an unknown issuer.
 *
 * The signature is checked synchronously by `verifyCompactSignature` (libsodium at a report's size, compact-jws.ts)
 * rather than by jose's `compactVerify`: on Node 20 jose goes through WebCrypto, whose asynchronous hop to the thread
 * pool costs more than the signature itself (bench/verify.ts measures both). A report never uses `crit` or an unencoded payload, so a
 * header with `crit` is refused.
 */
import { decodeHeader, jsonOfPart, splitCompact, verifyCompactSignature } from './compact-jws.js';
import { NODE_KEY_ALG } from './node-keys.js';
import type { KeyRing } from './key-ring.js';
import { REPORT_TYP, type ReportClaims } from './sign-report.js';

export const INVALID_REASONS = [
  /** Not a compact JWS with a JSON header and a JSON object payload carrying the report claims. */
  'malformed',
  /** The header's `typ` is not that of a credit report. */
  'wrong-type',
  /** Not signed with EdDSA. */
  'unsupported-algorithm',
  /** The issuer is neither this node nor a known partner. */
  'unknown-issuer',
  /** The issuer publishes no key with the header's `kid`. */
  'unknown-key',
  /** The issuer's keys could not be fetched. */
  'issuer-unreachable',
  /** The signature does not match header and payload: forged or altered. */
  'bad-signature',
  /** Past its `exp`. */
  'expired',
  /** Issued after the verifier's present (`iat` in the future beyond the allowed clock skew). */
  'issued-in-future',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** How far apart two nodes' clocks may be before a fresh report looks issued in the future. */
export const CLOCK_SKEW_SECONDS = 60;

export type Verification =
  | {
      valid: true;
      issuer: string;
      subject: string;
      kid: string;
      issuedAt: string;
      expiresAt: string;
      /** The report as signed, without the JWT claims. */
      report: Record<string, unknown>;
    }
  | { valid: false; reason: InvalidReason; message: string; issuer?: string; kid?: string };

/**
 * Verifies the compact JWS `jws` against the keys `keys` resolves for its issuer, at `now`.
 *
 * @example const v = await verifyReport(text, keyRing, new Date()); if (!v.valid) console.log(v.reason)
 */
export async function verifyReport(jws: string, keys: KeyRing, now: Date): Promise<Verification> {
  const invalid = (reason: InvalidReason, message: string, at: { issuer?: string; kid?: string } = {}): Verification => ({ valid: false, reason, message, ...at });
  const token = jws.trim();
  const parts = splitCompact(token);
  if (!parts) return invalid('malformed', 'not a compact JWS (three base64url parts separated by dots)');
  const header = decodeHeader(parts[0]);
  if (!header) return invalid('malformed', 'the header is not base64url of a JSON object');
  let payload: unknown;
  try {
    payload = jsonOfPart(parts[1]);
  } catch (error) {
    return invalid('malformed', `the payload is not base64url JSON: ${(error as Error).message}`);
  }
  if (header.typ !== REPORT_TYP) return invalid('wrong-type', `typ is ${JSON.stringify(header.typ)}, not "${REPORT_TYP}"`);
  if (header.alg !== NODE_KEY_ALG) return invalid('unsupported-algorithm', `alg is ${JSON.stringify(header.alg)}, not "${NODE_KEY_ALG}"`);
  if (header.crit !== undefined) return invalid('malformed', 'the header has critical extensions (crit), which a report never uses');
  if (!isClaims(payload)) return invalid('malformed', 'the payload lacks the iss, sub, iat and exp claims');
  const issuer = payload.iss;
  const kid = header.kid;
  if (typeof kid !== 'string') return invalid('malformed', 'the header names no kid', { issuer });

  const resolved = await keys.resolve(issuer, kid);
  if ('reason' in resolved) return invalid(resolved.reason, resolved.message, { issuer, kid });
  if (!verifyCompactSignature(parts, resolved)) {
    return invalid('bad-signature', 'the signature does not match: the report was altered or not signed by this key', { issuer, kid });
  }

  const seconds = Math.floor(now.getTime() / 1000);
  const iso = (s: number) => new Date(s * 1000).toISOString();
  if (seconds >= payload.exp) return invalid('expired', `expired at ${iso(payload.exp)}`, { issuer, kid });
  if (payload.iat > seconds + CLOCK_SKEW_SECONDS) return invalid('issued-in-future', `issued at ${iso(payload.iat)}, after now (${iso(seconds)})`, { issuer, kid });
  const { iss: _iss, sub, iat, exp, ...report } = payload;
  return { valid: true, issuer, subject: sub, kid, issuedAt: iso(iat), expiresAt: iso(exp), report };
}

function isClaims(payload: unknown): payload is ReportClaims & Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const p = payload as Record<string, unknown>;
  return typeof p.iss === 'string' && typeof p.sub === 'string' && Number.isInteger(p.iat) && Number.isInteger(p.exp);
}
