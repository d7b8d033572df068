/**
 * `buildApp(config)`: the composition root. It opens the database and wires repositories, services, clock
 * and logger together; the HTTP server and the CLI are adapters over what it returns.
 */
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { systemClock, type Clock } from './domain/dates.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import { openDatabase, type Database } from './store/database.js';
import { AuditService } from './services/audit-service.js';
import { BranchService } from './services/branch-service.js';
import { EntityService } from './services/entity-service.js';
import { ImportService } from './services/import/import-service.js';
import { ChangeFeed } from './services/changes.js';
import { SearchService } from './services/search-service.js';
import { CheckService } from './services/check-service.js';
import { PolicyService } from './services/policy-service.js';
import { ReportService } from './services/report-service.js';
import { KeyService } from './services/key-service.js';

export interface App {
  config: Config;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  database: Database;
  /** Which entities changed, published after each committed change; derived state subscribes to it. */
  changes: ChangeFeed;
  entities: EntityService;
  imports: ImportService;
  audit: AuditService;
  search: SearchService;
  /** The active policy pack and the check index built on it. */
  policy: PolicyService;
  checks: CheckService;
  reports: ReportService;
  /** API keys, sessions and who a request is. */
  keys: KeyService;
  /** Whether the in-memory indexes are being built; /readyz answers 503 while they are. */
  warmUp: WarmUp;
  /** Builds the search and check indexes now rather than on first use (the server does, after it listens). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/** `idle`: indexes build on first use; `warming`: being built; `failed` names the error. */
export type WarmUp = { state: 'idle' | 'warming' | 'warm' } | { state: 'failed'; error: string };

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { node: config.node } });
  const database = await openDatabase(config.database);
  const { identifierRules } = config;
  const search = new SearchService({ db: database.db, identifierRules, logger });
  const branches = new BranchService({ database, clock });
  const policy = new PolicyService({ database, node: config.node, clock, logger, packDir: config.policyDir });
  await policy.start().catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const entities = new EntityService({ db: database.db, identifierRules });
  const changes = new ChangeFeed();
  // Branch proposals and the search index follow the register; the check index follows records too.
  changes.subscribe(async ({ register }) => {
    if (register.length === 0) return;
    await branches.onEntitiesChanged(register);
    await search.onEntitiesChanged(register);
  });
  changes.subscribe(({ register, records }) => policy.onEntitiesChanged([...new Set([...register, ...records])]));
  const app: App = {
    config,
    clock,
    logger,
    metrics: createMetrics(),
    database,
    changes,
    entities,
    imports: new ImportService({ database, node: config.node, identifierRules, clock, batchSize: config.importBatchSize, changes }),
    audit: new AuditService({ db: database.db }),
    search,
    policy,
    checks: new CheckService({ db: database.db, policy, identifierRules }),
    reports: new ReportService({ db: database.db, entities, policy }),
    keys: new KeyService({ database, entities, node: config.node, clock }),
    warmUp: { state: 'idle' },
    async warm() {
      app.warmUp = { state: 'warming' };
      try {
        await Promise.all([search.ready(), policy.decisionIndex()]);
        app.warmUp = { state: 'warm' };
      } catch (error) {
        app.warmUp = { state: 'failed', error: (error as Error).message };
        throw error;
      }
    },
    close: () => database.close(),
  };
  return app;
}
