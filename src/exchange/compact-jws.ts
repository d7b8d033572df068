/**
 * Compact JWS (RFC 7515 §7.1) with EdDSA (RFC 8037) over node:crypto and libsodium: `BASE64URL(header).
 * BASE64URL(payload).BASE64URL(signature)`, the signature an Ed25519 signature of the first two parts as ASCII.
 *
 * jose is the reference for everything JOSE here (JWKS, thumbprints, the interoperability tests), but its
 * base64url coding runs in JavaScript: on a feed page of several megabytes it cost more than reading the page from
 * the database (bench/replicate.ts). Node's Buffer codes base64url natively, and Ed25519 signs and verifies
 * synchronously here (WebCrypto's asynchronous hop costs more than a small report's signature: bench/verify.ts).
 * Feed pages and reports alike are split, their headers decoded and their signatures checked here.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import sodium from 'sodium-native';

export interface JwsHeader {
  alg: string;
  kid: string;
  typ: string;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** An Ed25519 signature is 64 bytes: 86 characters of unpadded base64url. */
const ED25519_SIGNATURE_CHARS = 86;

/**
 * Signs `payload` (JSON text) under `header` with the Ed25519 private key `key`: the compact JWS as ASCII bytes,
 * written once into one buffer that is signed and sent as it is (a feed page's 7 MB were copied three more times as
 * a string: 28 against 36 ms for a 10,000-item page).
 */
export function signCompact(header: JwsHeader, payload: string, key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`signCompact signs with Ed25519 keys, not ${key.asymmetricKeyType ?? key.type}`);
  const head = Buffer.from(JSON.stringify(header)).toString('base64url');
  const body = Buffer.from(payload).toString('base64url');
  const signed = head.length + 1 + body.length;
  const token = Buffer.allocUnsafe(signed + 1 + ED25519_SIGNATURE_CHARS);
  token.write(head, 0, 'latin1');
  token.write('.', head.length, 'latin1');
  token.write(body, head.length + 1, 'latin1');
  token.write('.', signed, 'latin1');
  token.write(sign(null, token.subarray(0, signed), key).toString('base64url'), signed + 1, 'latin1');
  return token;
}

/**
 * The three parts of a compact JWS, or undefined when `token` is not one. Header and signature are checked to be
 * base64url here, the payload when it is decoded (`jsonOfPart`): scanning a payload of several kilobytes with a
 * regular expression cost more than decoding it (bench/verify.ts).
 */
export function splitCompact(token: string): [header: string, payload: string, signature: string] | undefined {
  const parts = token.split('.');
  return parts.length === 3 && BASE64URL.test(parts[0]!) && BASE64URL.test(parts[2]!) ? (parts as [string, string, string]) : undefined;
}

/**
 * The JSON value a part of a compact JWS encodes (base64url of UTF-8 JSON); throws when it encodes none. Node's
 * decoder skips what is not in the alphabet, so the bytes are encoded again and must give the part back: only
 * unpadded base64url in its canonical form (RFC 7515 §2, RFC 4648 §3.5) passes.
 */
export function jsonOfPart(part: string): unknown {
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part) throw new Error('not base64url (unpadded, canonical)');
  return JSON.parse(bytes.toString('utf8'));
}

/** The protected header of a compact JWS from its first part, or undefined when that is not base64url of a JSON object. */
export function decodeHeader(part: string): Record<string, unknown> | undefined {
  try {
    const header = jsonOfPart(part);
    return typeof header === 'object' && header !== null && !Array.isArray(header) ? (header as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** An Ed25519 public key, imported once for each of the two verifiers below. */
export interface VerifyingKey {
  keyObject: KeyObject;
  /** The key's 32 bytes (the JWK's `x`), as libsodium takes it. */
  raw: Buffer;
}

/** The Ed25519 public key `key` for `verifyCompactSignature`. */
export function verifyingKey(key: KeyObject): VerifyingKey {
  if (key.asymmetricKeyType !== 'ed25519' || key.type !== 'public') throw new TypeError(`an Ed25519 public key is needed, not ${key.asymmetricKeyType ?? ''} ${key.type}`);
  return { keyObject: key, raw: Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url') };
}

/**
 * Up to this much signing input, libsodium verifies; above it, node:crypto. libsodium's call costs about half of
 * node:crypto's (OpenSSL 3 sets up a context for every verify): a 9.7 kB report verifies 1.6 times as fast.
 * OpenSSL's assembly SHA-512 wins from about 100 kB on: a 4.4 MB feed page takes 7.3 ms there against 10.4 ms
 * with libsodium (docs/benchmarks.md).
 */
const LIBSODIUM_UP_TO_BYTES = 64 * 1024;

/** Whether the signature of the compact JWS `token` (already split) was made by the Ed25519 public key `key`. */
export function verifyCompactSignature(parts: readonly [string, string, string], key: VerifyingKey): boolean {
  const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
  const signature = Buffer.from(parts[2], 'base64url');
  if (signingInput.length > LIBSODIUM_UP_TO_BYTES) return verify(null, signingInput, key.keyObject, signature);
  // libsodium throws on a signature of another length rather than answering false.
  return signature.length === sodium.crypto_sign_BYTES && sodium.crypto_sign_verify_detached(signature, signingInput, key.raw);
}
