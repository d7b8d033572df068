/**
 * `loadConfig(env)`: the one place that reads configuration. Everything else receives a typed `Config`.
 * CLI flags are applied by the CLI as environment overrides before calling it, so there is one set of
 * names and one validation.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_IDENTIFIER_RULES, type IdentifierRules } from './domain/identifiers/index.js';
import { NODE_IDS, jurisdictionOfNode, type Jurisdiction, type NodeId } from './domain/taxonomy.js';

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

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
  CREDENCE_HOST: z.string().min(1).default('127.0.0.1'),
  CREDENCE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CREDENCE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CREDENCE_MO_REG_PATTERN: regex('CREDENCE_MO_REG_PATTERN').optional(),
  CREDENCE_HK_AEO_PATTERN: regex('CREDENCE_HK_AEO_PATTERN').optional(),
  CREDENCE_USCC_CHECKSUM: z.enum(['reject', 'flag']).default(DEFAULT_IDENTIFIER_RULES.usccChecksum),
  CREDENCE_IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  /** The policy pack directory; default the demo pack `policies/<node>` shipped with Credence. */
  CREDENCE_POLICY_DIR: z.string().min(1).optional(),
});

/** The demo packs shipped beside the source, found from here so the CLI works from any directory. */
const SHIPPED_POLICIES = path.join(import.meta.dirname, '..', 'policies');

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
  return {
    node: e.CREDENCE_NODE,
    jurisdiction: jurisdictionOfNode(e.CREDENCE_NODE),
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.CREDENCE_DB_DIR ?? path.join('data', e.CREDENCE_NODE)) },
    http: { host: e.CREDENCE_HOST, port: e.CREDENCE_PORT },
    logLevel: e.CREDENCE_LOG_LEVEL,
    identifierRules: {
      moRegPattern: e.CREDENCE_MO_REG_PATTERN ?? DEFAULT_IDENTIFIER_RULES.moRegPattern,
      hkAeoPattern: e.CREDENCE_HK_AEO_PATTERN ?? DEFAULT_IDENTIFIER_RULES.hkAeoPattern,
      usccChecksum: e.CREDENCE_USCC_CHECKSUM,
    },
    importBatchSize: e.CREDENCE_IMPORT_BATCH_SIZE,
    policyDir: path.resolve(e.CREDENCE_POLICY_DIR ?? path.join(SHIPPED_POLICIES, e.CREDENCE_NODE)),
  };
}
