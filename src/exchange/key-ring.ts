/**
 * The public keys a node trusts, by issuer: its own and its partners' (`CREDENCE_PEERS`), each partner's JWKS
 * fetched from `<url>/.well-known/jwks.json` with a timeout and cached. Signed reports and feed pages are
 * verified with the key a `KeyRing` resolves from issuer and `kid`; each key is imported once for the
 * synchronous verifiers of compact-jws.ts, and reused.
 */
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../domain/dates.js';
import type { NodeId } from '../domain/taxonomy.js';
import { verifyingKey, type VerifyingKey } from './compact-jws.js';
import { NODE_KEY_ALG, type Jwks, type NodeKeys, type PublicNodeKey } from './node-keys.js';
import { issuerOf } from './sign-report.js';

/** The JWKS of an issuer; `undefined` when the issuer is not known. `refresh` asks past any cache (a `kid` was missing). */
export type JwksSource = (issuer: string, options?: { refresh?: boolean }) => Promise<Jwks | undefined>;

export type ResolvedKey =
  | VerifyingKey
  | { reason: 'unknown-issuer' | 'unknown-key' | 'issuer-unreachable'; message: string };

const ed25519PublicKey = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  kid: z.string().min(1),
  alg: z.literal(NODE_KEY_ALG).default(NODE_KEY_ALG),
  use: z.literal('sig').default('sig'),
});
/** A JWKS as published; keys of other types are left out rather than refused. */
const jwksSchema = z.object({ keys: z.array(z.unknown()) }).transform(({ keys }): Jwks => ({
  keys: keys.flatMap((k) => {
    const parsed = ed25519PublicKey.safeParse(k);
    return parsed.success ? [parsed.data] : [];
  }),
}));

/** Parses a JWKS document, keeping its Ed25519 signing keys. Throws when it is not a JWKS. */
export function parseJwks(json: unknown): Jwks {
  return jwksSchema.parse(json);
}

/** Fetches and parses the JWKS at `url`, giving up after `timeoutMs`. */
export async function fetchJwks(url: string, timeoutMs: number): Promise<Jwks> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return parseJwks(await response.json());
}

export class KeyRing {
  private readonly imported = new Map<string, VerifyingKey>();

  constructor(private readonly jwksOf: JwksSource) {}

  /** The key `kid` of `issuer`, or why there is none. A missing `kid` refreshes the issuer's JWKS once. */
  async resolve(issuer: string, kid: string): Promise<ResolvedKey> {
    let jwk: PublicNodeKey | undefined;
    try {
      let jwks = await this.jwksOf(issuer);
      if (!jwks) return { reason: 'unknown-issuer', message: `${issuer} is neither this node nor a known partner` };
      jwk = jwks.keys.find((k) => k.kid === kid);
      if (!jwk) {
        jwks = await this.jwksOf(issuer, { refresh: true });
        jwk = jwks?.keys.find((k) => k.kid === kid);
      }
    } catch (error) {
      return { reason: 'issuer-unreachable', message: `the keys of ${issuer} could not be fetched: ${(error as Error).message}` };
    }
    if (!jwk) return { reason: 'unknown-key', message: `${issuer} publishes no key ${kid}` };
    const cacheKey = `${issuer} ${kid} ${jwk.x}`;
    let trusted = this.imported.get(cacheKey);
    if (!trusted) {
      trusted = verifyingKey(createPublicKey({ key: { ...jwk } as JsonWebKey, format: 'jwk' }));
      this.imported.set(cacheKey, trusted);
    }
    return trusted;
  }
}

/** A partner's JWKS is fetched again after this long, or sooner when a `kid` is missing but not more often than `REFETCH_MIN_MS`. */
const PEER_JWKS_TTL_MS = 5 * 60_000;
const REFETCH_MIN_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;

/**
 * The JWKS of this node (from its key file) and of its partners (fetched and cached), by issuer name.
 *
 * @example new KeyRing(issuerJwks({ node: 'gd', nodeKeys, peers: { hk: 'http://127.0.0.1:8082' }, clock }))
 */
export function issuerJwks(deps: { node: NodeId; nodeKeys: Pick<NodeKeys, 'jwks'>; peers: Partial<Record<NodeId, string>>; clock: Clock }): JwksSource {
  const cache = new Map<string, { jwks: Jwks; fetchedAt: number }>();
  const peerUrls = new Map(Object.entries(deps.peers).map(([node, url]) => [issuerOf(node as NodeId), `${url}/.well-known/jwks.json`]));
  return async (issuer, options = {}) => {
    if (issuer === issuerOf(deps.node)) return deps.nodeKeys.jwks();
    const url = peerUrls.get(issuer);
    if (url === undefined) return undefined;
    const now = deps.clock().getTime();
    const cached = cache.get(issuer);
    const age = cached ? now - cached.fetchedAt : Infinity;
    if (cached && age < (options.refresh ? REFETCH_MIN_MS : PEER_JWKS_TTL_MS)) return cached.jwks;
    const jwks = await fetchJwks(url, FETCH_TIMEOUT_MS);
    cache.set(issuer, { jwks, fetchedAt: now });
    return jwks;
  };
}
