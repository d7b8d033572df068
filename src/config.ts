/**
 * `loadConfig(env)`: the one place that reads configuration. Everything else receives a typed `Config`.
 * CLI flags are applied by the CLI as environment overrides before calling it, so there is one set of
 * names and one validation.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_IDENTIFIER_RULES, type IdentifierRules } from './domain/identifiers/index.js';
import { NODE_IDS, jurisdictionOfNode, type Jurisdiction, type NodeId } from './domain/taxonomy.js';
import { ROOT } from './paths.js';
import { DEFAULT_FEED_LIMIT, MAX_FEED_LIMIT } from './exchange/feed.js';

/**
 * PGlite in a directory, or a PostgreSQL server. `listenUrl` is the server for the change bus's LISTEN connection
 * when `url` goes through a transaction-pooling proxy, which cannot keep a LISTEN (docs/deploy.md); default `url`.
 */
export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; listenUrl?: string };

export interface Config {
  node: NodeId;
  jurisdiction: Jurisdiction;
  database: DatabaseTarget;
  http: { host: string; port: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  identifierRules: IdentifierRules;
  /** Lines validated and written per transaction by `credence import`. */
  importBatchSize: number;
  /** The node's policy pack directory, used until a version is activated in the database. */
  policyDir: string;
  /** The JSON file holding the node's Ed25519 signing keys (created on first use). */
  keyFile: string;
  /** How long a signed credit report stays valid after it is issued, in days. */
  reportValidityDays: number;
  /** Partner nodes and their base URLs, e.g. `{ hk: 'http://127.0.0.1:8082' }`. */
  peers: Partial<Record<NodeId, string>>;
  /** The partner key this node presents to each peer's feed (issued by that peer), e.g. `{ hk: 'crd_…' }`. */
  peerKeys: Partial<Record<NodeId, string>>;
  /** How often `serve` pulls the peers' feeds, in seconds; 0 turns the schedule off. */
  exchangePullSeconds: number;
  /** Items this node asks for per feed page when it pulls a partner. */
  exchangePageSize: number;
  /** Requests a minute allowed per API key and per address of anonymous callers; 0 turns a limit off. */
  rateLimits: { perKeyPerMinute: number; perAddressPerMinute: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const regex = (name: string) =>
  z.string().transform((source, ctx) => {
    try {
      return new RegExp(`^(?:${source})$`);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${name} is not a valid regular expression: ${(error as Error).message}` });
      return z.NEVER;
    }
  });

const envSchema = z.object({
  CREDENCE_NODE: z.enum(NODE_IDS).default('gd'),
  /** The embedded database's directory; default `data/<node>`. */
  CREDENCE_DB_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** A session connection for LISTEN when DATABASE_URL goes through a transaction pooler; default DATABASE_URL. */
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  CREDENCE_HOST: z.string().min(1).default('127.0.0.1'),
  CREDENCE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CREDENCE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CREDENCE_MO_REG_PATTERN: regex('CREDENCE_MO_REG_PATTERN').optional(),
  CREDENCE_HK_AEO_PATTERN: regex('CREDENCE_HK_AEO_PATTERN').optional(),
  CREDENCE_USCC_CHECKSUM: z.enum(['reject', 'flag']).default(DEFAULT_IDENTIFIER_RULES.usccChecksum),
  CREDENCE_IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  /** The policy pack directory; default the demo pack `policies/<node>` shipped with Credence. */
  CREDENCE_POLICY_DIR: z.string().min(1).optional(),
  /** The node's signing key file; default `node-keys.json` in `CREDENCE_DB_DIR`, else in `data/<node>`. */
  CREDENCE_KEY_FILE: z.string().min(1).optional(),
  CREDENCE_REPORT_VALIDITY_DAYS: z.coerce.number().int().min(1).max(3660).default(30),
  /** `hk=http://127.0.0.1:8082,mo=http://127.0.0.1:8083`: partner nodes by id. */
  CREDENCE_PEERS: z
    .string()
    .default('')
    .transform((source, ctx) => {
      const peers: Partial<Record<NodeId, string>> = {};
      for (const entry of source.split(',').map((e) => e.trim()).filter(Boolean)) {
        const [, node = '', url = ''] = /^([a-z]+)=(https?:\/\/[^/\s]+.*?)\/*$/.exec(entry) ?? [];
        if (!(NODE_IDS as readonly string[]).includes(node)) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not node=URL with a node of ${NODE_IDS.join(', ')} and an http(s) URL` });
          return z.NEVER;
        }
        peers[node as NodeId] = url;
      }
      return peers;
    }),
  /** `hk=crd_…,mo=crd_…`: the partner key this node holds at each peer. */
  CREDENCE_PEER_KEYS: z
    .string()
    .default('')
    .transform((source, ctx) => {
      const keys: Partial<Record<NodeId, string>> = {};
      for (const entry of source.split(',').map((e) => e.trim()).filter(Boolean)) {
        const [, node = '', key = ''] = /^([a-z]+)=(\S+)$/.exec(entry) ?? [];
        if (!(NODE_IDS as readonly string[]).includes(node)) {
          ctx.addIssue({ code: 'custom', message: `an entry is not node=KEY with a node of ${NODE_IDS.join(', ')}` });
          return z.NEVER;
        }
        keys[node as NodeId] = key;
      }
      return keys;
    }),
  CREDENCE_EXCHANGE_PULL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  CREDENCE_EXCHANGE_PAGE_SIZE: z.coerce.number().int().min(1).max(MAX_FEED_LIMIT).default(DEFAULT_FEED_LIMIT),
  CREDENCE_RATE_LIMIT_PER_KEY: z.coerce.number().int().min(0).max(100_000_000).default(120_000),
  CREDENCE_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).max(100_000_000).default(1_200),
});

/** The demo packs shipped beside the source, found from here so the CLI works from any directory. */
const SHIPPED_POLICIES = path.join(ROOT, 'policies');

/**
 * Reads and validates configuration from an environment map.
 *
 * @example loadConfig({ CREDENCE_NODE: 'hk', DATABASE_URL: 'postgres://127.0.0.1/credence' })
 * @throws ConfigError naming each bad variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const nodeDir = path.resolve(e.CREDENCE_DB_DIR ?? path.join('data', e.CREDENCE_NODE));
  return {
    node: e.CREDENCE_NODE,
    jurisdiction: jurisdictionOfNode(e.CREDENCE_NODE),
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, ...(e.DATABASE_LISTEN_URL ? { listenUrl: e.DATABASE_LISTEN_URL } : {}) }
      : { kind: 'pglite', dataDir: nodeDir },
    http: { host: e.CREDENCE_HOST, port: e.CREDENCE_PORT },
    logLevel: e.CREDENCE_LOG_LEVEL,
    identifierRules: {
      moRegPattern: e.CREDENCE_MO_REG_PATTERN ?? DEFAULT_IDENTIFIER_RULES.moRegPattern,
      hkAeoPattern: e.CREDENCE_HK_AEO_PATTERN ?? DEFAULT_IDENTIFIER_RULES.hkAeoPattern,
      usccChecksum: e.CREDENCE_USCC_CHECKSUM,
    },
    importBatchSize: e.CREDENCE_IMPORT_BATCH_SIZE,
    policyDir: path.resolve(e.CREDENCE_POLICY_DIR ?? path.join(SHIPPED_POLICIES, e.CREDENCE_NODE)),
    keyFile: path.resolve(e.CREDENCE_KEY_FILE ?? path.join(nodeDir, 'node-keys.json')),
    reportValidityDays: e.CREDENCE_REPORT_VALIDITY_DAYS,
    peers: e.CREDENCE_PEERS,
    peerKeys: e.CREDENCE_PEER_KEYS,
    exchangePullSeconds: e.CREDENCE_EXCHANGE_PULL_SECONDS,
    exchangePageSize: e.CREDENCE_EXCHANGE_PAGE_SIZE,
    rateLimits: { perKeyPerMinute: e.CREDENCE_RATE_LIMIT_PER_KEY, perAddressPerMinute: e.CREDENCE_RATE_LIMIT_PER_ADDRESS },
  };
}
