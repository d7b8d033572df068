/**
 * The node's identity (issue 5 §1): its Ed25519 signing keys, kept as JWK JSON in one key file (mode 0600),
 * created on first use and rotated by `credence node-key rotate`. Rotation adds a key and makes it the signing
 * key; retired keys stay in the file and in the published JWKS, so what they signed keeps verifying.
 *
 * The file is read again when it changes on disk (looked at once a second at most), so a running server
 * follows a rotation done by the CLI.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { z } from 'zod';
import type { Clock } from '../domain/dates.js';

/** The JWS algorithm of every node signature: EdDSA over Ed25519 (RFC 8037). */
export const NODE_KEY_ALG = 'EdDSA';

/** A public key as published in the node's JWKS. */
export interface PublicNodeKey {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  /** RFC 7638 thumbprint of the key. */
  kid: string;
  alg: typeof NODE_KEY_ALG;
  use: 'sig';
}

export interface Jwks {
  keys: PublicNodeKey[];
}

const storedKeySchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  d: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  kid: z.string().min(1),
  alg: z.literal(NODE_KEY_ALG),
  use: z.literal('sig'),
  createdAt: z.iso.datetime(),
  /** When a newer key replaced this one; it no longer signs but still verifies. */
  retiredAt: z.iso.datetime().optional(),
});
const keyFileSchema = z.object({ keys: z.array(storedKeySchema).min(1) });

/** A key as stored: the private JWK with its thumbprint and life dates. */
export type StoredNodeKey = z.infer<typeof storedKeySchema>;

/** The key that signs now, imported once. */
export interface SigningKey {
  kid: string;
  key: KeyObject;
}

/** How long the key file is taken as unchanged without looking at it again. */
const RECHECK_MS = 1_000;

interface Loaded {
  /** Identifies the file version this was read from. */
  version: string;
  keys: StoredNodeKey[];
  signing: SigningKey;
  jwks: Jwks;
  /** When the file was last looked at (performance.now()). */
  checkedAt: number;
}

/** A fresh Ed25519 key, its `kid` the RFC 7638 thumbprint. */
export async function generateNodeKey(createdAt: Date): Promise<StoredNodeKey> {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x! });
  return storedKeySchema.parse({ ...jwk, kid, alg: NODE_KEY_ALG, use: 'sig', createdAt: createdAt.toISOString() });
}

/** The public half of stored keys, as `/.well-known/jwks.json` publishes them (retired keys included). */
export function publicJwks(keys: readonly StoredNodeKey[]): Jwks {
  return { keys: keys.map(({ kty, crv, x, kid, alg, use }) => ({ kty, crv, x, kid, alg, use })) };
}

export class NodeKeys {
  private loaded?: Loaded;
  private loading?: Promise<Loaded>;

  /** `recheckMs`: how long the file is taken as unchanged (default a second; tests pass 0). */
  constructor(private readonly deps: { file: string; clock: Clock; recheckMs?: number }) {}

  get file(): string {
    return this.deps.file;
  }

  /** The key that signs, creating the key file if there is none yet. */
  async signingKey(): Promise<SigningKey> {
    return (await this.current()).signing;
  }

  /** Every public key of the node, the signing key first. */
  async jwks(): Promise<Jwks> {
    return (await this.current()).jwks;
  }

  /** The stored keys with their life dates, oldest first (for `credence node-key show`). */
  async keys(): Promise<readonly StoredNodeKey[]> {
    return (await this.current()).keys;
  }

  /**
   * Adds a new key and makes it the signing key; the previous ones are marked retired and stay published.
   * Returns the new key's `kid`.
   */
  async rotate(): Promise<string> {
    const { keys } = await this.current();
    const now = this.deps.clock();
    const fresh = await generateNodeKey(now);
    const retiredAt = now.toISOString();
    await this.write([...keys.map((k) => (k.retiredAt ? k : { ...k, retiredAt })), fresh], 'replace');
    this.loaded = undefined;
    return fresh.kid;
  }

  /** The key set as on disk now: re-read when the file changed, created when it does not exist. */
  private async current(): Promise<Loaded> {
    if (this.loaded && performance.now() - this.loaded.checkedAt < (this.deps.recheckMs ?? RECHECK_MS)) return this.loaded;
    this.loading ??= this.refresh().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async refresh(): Promise<Loaded> {
    const version = await this.fileVersion();
    if (version === undefined) {
      await this.write([await generateNodeKey(this.deps.clock())], 'create');
      return this.refresh();
    }
    if (this.loaded?.version === version) {
      this.loaded.checkedAt = performance.now();
      return this.loaded;
    }
    const keys = await this.read();
    const active = keys.filter((k) => !k.retiredAt).at(-1);
    if (!active) throw new Error(`node key file ${this.file}: every key is retired; run "credence node-key rotate"`);
    const signing = { kid: active.kid, key: createPrivateKey({ key: { ...active } as JsonWebKey, format: 'jwk' }) };
    const jwks = publicJwks([active, ...keys.filter((k) => k !== active).reverse()]);
    this.loaded = { version, keys, signing, jwks, checkedAt: performance.now() };
    return this.loaded;
  }

  private async fileVersion(): Promise<string | undefined> {
    try {
      const s = await stat(this.file);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private async read(): Promise<StoredNodeKey[]> {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(this.file, 'utf8'));
    } catch (error) {
      throw new Error(`node key file ${this.file} is not readable JSON: ${(error as Error).message}`);
    }
    const parsed = keyFileSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`node key file ${this.file} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    for (const key of parsed.data.keys) {
      if ((await calculateJwkThumbprint(key)) !== key.kid) throw new Error(`node key file ${this.file}: kid ${key.kid} is not the thumbprint of its key`);
    }
    return parsed.data.keys;
  }

  /**
   * Writes the key file atomically, readable by its owner only: a temporary file beside it, then `create`
   * links it into place only if no file exists (a concurrent first start keeps the other process's key),
   * `replace` renames it over the old one.
   */
  private async write(keys: StoredNodeKey[], mode: 'create' | 'replace'): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify({ keys }, null, 2) + '\n', { mode: 0o600, flag: 'wx', flush: true });
    try {
      if (mode === 'replace') await rename(temp, this.file);
      else await link(temp, this.file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
}
