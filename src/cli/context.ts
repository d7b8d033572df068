/**
 * What every command shares: turning global flags into configuration, opening the app, exit codes, and
 * errors that end the process loudly.
 */
import { CommanderError, type Command } from 'commander';
import type { App } from '../app.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { PolicyPackError } from '../policy/pack-error.js';

export const EXIT = { ok: 0, failure: 1, usage: 2, rejected: 3 } as const;

/** Thrown by a command to end with a given exit code after printing `message` to stderr. */
export class CliExit extends Error {
  constructor(readonly exitCode: number, message = '') {
    super(message);
  }
}

export interface DatabaseFlags {
  db?: string;
  node?: string;
}

/** Adds the flags that choose a node and its database. */
export function withDatabaseFlags(command: Command): Command {
  return command
    .option('--node <id>', 'node id: gd, hk or mo (env CREDENCE_NODE; default gd)')
    .option('--db <dir|url>', 'embedded database directory, or a postgres:// URL (default ./data/<node>, or env DATABASE_URL)');
}

/** Configuration from the environment with command-line flags taking precedence. */
export function configFrom(env: NodeJS.ProcessEnv, flags: DatabaseFlags & Record<string, unknown>, extra: Record<string, string | undefined> = {}): Config {
  const overrides: Record<string, string | undefined> = { ...extra };
  if (flags.node !== undefined) overrides.CREDENCE_NODE = flags.node;
  if (flags.db !== undefined) {
    if (/^postgres(ql)?:\/\//.test(flags.db)) overrides.DATABASE_URL = flags.db;
    else {
      overrides.CREDENCE_DB_DIR = flags.db;
      overrides.DATABASE_URL = undefined;
    }
  }
  try {
    return loadConfig({ ...env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliExit(EXIT.usage, error.message);
    throw error;
  }
}

/**
 * Opens the app for the duration of `work`, always closing the database (PGlite hangs the process otherwise).
 * The app's modules load here, not at start: `--help` and usage errors answer without them.
 */
export async function withApp<T>(config: Config, work: (app: App) => Promise<T>): Promise<T> {
  const { buildApp } = await import('../app.js');
  const app = await buildApp(config);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Maps whatever a command threw to a message and an exit code. */
export function exitCodeFor(error: unknown): { code: number; message: string } {
  if (error instanceof CliExit) return { code: error.exitCode, message: error.message };
  if (error instanceof PolicyPackError) return { code: EXIT.failure, message: `credence: ${error.message}` };
  if (error instanceof CommanderError) return { code: error.exitCode === 0 ? EXIT.ok : EXIT.usage, message: '' };
  if (error instanceof DomainError) {
    const usage = error.code === 'INVALID_REQUEST' || error.code === 'INVALID_ENTITY_REF' || error.code === 'NOT_FOUND';
    return { code: usage ? EXIT.usage : EXIT.failure, message: `credence: ${error.message}` };
  }
  return { code: EXIT.failure, message: `credence: ${(error as Error)?.stack ?? String(error)}` };
}
