/**
 * `buildApp(config)`: the composition root. It opens the database and wires repositories, services, clock
 * and logger together; the HTTP server and the CLI are adapters over what it returns.
 */
import path from 'node:path';
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
import { PeerSync, type PeerMessage } from './services/peer-sync.js';
import { openChangeBus } from './store/change-bus.js';
import { SearchService } from './services/search-service.js';
import { CheckService } from './services/check-service.js';
import { PolicyService } from './services/policy-service.js';
import { ReportService } from './services/report-service.js';
import { KeyService } from './services/key-service.js';
import { RecordService } from './services/record-service.js';
import { NoticeService } from './services/notice-service.js';
import { OutboxService } from './services/outbox-service.js';
import { SignedReportService } from './services/signed-report-service.js';
import { NodeKeys } from './exchange/node-keys.js';
import { KeyRing, issuerJwks } from './exchange/key-ring.js';
import { FeedService } from './exchange/feed.js';
import { Replicator } from './exchange/replication.js';
import { WatchService } from './services/watch-service.js';
import { ObjectionService } from './services/objection-service.js';
import { RepairService } from './services/repair-service.js';
import { StatementService } from './services/statement-service.js';
import { TransparencyService } from './services/transparency-service.js';
import { runEvery } from './services/periodic.js';
import { IndexSnapshots } from './services/index-snapshots.js';

export interface App {
  config: Config;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  database: Database;
  /** Which entities changed, published after each committed change; derived state subscribes to it. */
  changes: ChangeFeed;
  /**
   * The other processes sharing the database: their changes reach this process's indexes, and one of them leads
   * the periodic jobs (`serve` starts listening; docs/deploy.md).
   */
  peers: PeerSync;
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
  /** Officers' recording, corrections and revocations. */
  records: RecordService;
  /** Notices served to entities, and their inboxes. */
  notices: NoticeService;
  /** Webhooks and the outbox dispatcher (`start()` runs it in the background; `close()` stops it). */
  outbox: OutboxService;
  /** The node's Ed25519 signing keys (its identity), published as JWKS. */
  nodeKeys: NodeKeys;
  /** This node's and its partners' public keys, by issuer and kid, for verifying what they signed. */
  trustedKeys: KeyRing;
  /** The signed exchange feed this node serves its partners, filtered by the sharing agreements. */
  feed: FeedService;
  /** Pulling the partners' feeds (`CREDENCE_PEERS`) into foreign records. */
  replication: Replicator;
  /** Credit reports signed by this node, and verification of signed reports. */
  signedReports: SignedReportService;
  /** Service keys' watches: decision changes of watched entities, recorded and pushed through the outbox. */
  watches: WatchService;
  /** Objections (异议) to records and list entries, and their decisions. */
  objections: ObjectionService;
  /** Credit repair (信用修复): eligibility, applications and their decisions. */
  repairs: RepairService;
  /** Entities' statements beside their records. */
  statements: StatementService;
  /** The public dashboard's aggregate figures, month by month. */
  transparency: TransparencyService;
  /** Whether the in-memory indexes are being built; /readyz answers 503 while they are. */
  warmUp: WarmUp;
  /** Builds the search and check indexes now rather than on first use (the server does, after it listens). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/** `idle`: indexes build on first use; `warming`: being built; `failed` names the error. */
export type WarmUp = { state: 'idle' | 'warming' | 'warm' } | { state: 'failed'; error: string };

/** How often the check service's in-memory counts of answered checks are written (also on close). */
const CHECK_COUNT_FLUSH_MS = 10_000;

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /**
   * On the embedded database: load the search and check indexes from the snapshots the last clean close wrote, and
   * write them at close (`serve` does; services/index-snapshots.ts). Other commands leave the snapshots alone.
   */
  indexSnapshots?: boolean;
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { node: config.node } });
  const snapshots = options.indexSnapshots && config.database.kind === 'pglite' ? new IndexSnapshots(path.join(config.database.dataDir, 'index-snapshots'), logger) : undefined;
  const database = await openDatabase(config.database);
  await snapshots?.opened(database.db);
  const { identifierRules } = config;
  const search = new SearchService({ database, identifierRules, logger });
  const branches = new BranchService({ database, clock });
  const policy = new PolicyService({ database, node: config.node, clock, logger, packDir: config.policyDir });
  await policy.start().catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  await snapshots?.restore([policy.snapshots, search.snapshots]);
  const entities = new EntityService({ db: database.db, identifierRules });
  const changes = new ChangeFeed();
  // Other processes on the database hear of each change first, and update their indexes meanwhile.
  const peers = new PeerSync({ bus: openChangeBus<PeerMessage>(config.database, database.db, logger), changes, policy, search, logger });
  changes.subscribe(peers.onEntitiesChanged);
  policy.afterActivation(peers.onPolicyActivated);
  // Branch proposals and the search index follow the register; the check index follows records too. The indexes
  // live in each process's memory, so they follow every process's changes.
  changes.subscribe(async ({ register }) => {
    if (register.length > 0) await branches.onEntitiesChanged(register);
  });
  changes.subscribe(async ({ register }) => {
    if (register.length > 0) await search.onEntitiesChanged(register);
  }, { everyProcess: true });
  changes.subscribe(({ register, records }) => policy.onEntitiesChanged([...new Set([...register, ...records])]), { everyProcess: true });
  // Watches compare against the check index, so they follow it: on the feed and on policy activation.
  const watches = new WatchService({ database, policy, identifierRules, clock, logger });
  changes.subscribe(watches.onEntitiesChanged);
  policy.afterActivation(watches.onPolicyActivated);
  // Notices read the pack the check index runs on; every recorded change serves those owed.
  const notices = new NoticeService({ database, policy, clock });
  changes.subscribe(notices.onEntitiesChanged);
  const metrics = createMetrics();
  const outbox = new OutboxService({ database, clock, logger, deliveries: metrics.webhookDeliveries });
  const nodeKeys = new NodeKeys({ file: config.keyFile, clock });
  const trustedKeys = new KeyRing(issuerJwks({ node: config.node, nodeKeys, peers: config.peers, clock }));
  const reports = new ReportService({ db: database.db, entities, policy });
  const checks = new CheckService({ db: database.db, policy, identifierRules });
  const checkCounts = runEvery(CHECK_COUNT_FLUSH_MS, () => checks.flushCounts(), (error) => logger.error({ err: error }, 'writing check counts failed'));
  const transparency = new TransparencyService({ database, node: config.node, policy, checks });
  changes.subscribe(transparency.onEntitiesChanged, { everyProcess: true });
  peers.afterResync(transparency.forget);
  const app: App = {
    config,
    clock,
    logger,
    metrics,
    database,
    changes,
    peers,
    entities,
    imports: new ImportService({ database, node: config.node, identifierRules, clock, batchSize: config.importBatchSize, changes }),
    audit: new AuditService({ db: database.db }),
    search,
    policy,
    checks,
    reports,
    keys: new KeyService({ database, entities, node: config.node, clock }),
    records: new RecordService({ database, node: config.node, clock, identifierRules, entities, changes }),
    notices,
    outbox,
    nodeKeys,
    trustedKeys,
    signedReports: new SignedReportService({ reports, nodeKeys, trustedKeys, node: config.node, clock, validityDays: config.reportValidityDays }),
    feed: new FeedService({ database, node: config.node, nodeKeys, pack: () => policy.pack, today: () => policy.today(), clock, changes }),
    replication: new Replicator({ database, node: config.node, peers: config.peers, peerKeys: config.peerKeys, trustedKeys, changes, metrics, clock, logger, pageSize: config.exchangePageSize }),
    watches,
    objections: new ObjectionService({ database, policy, changes, clock }),
    repairs: new RepairService({ database, policy, changes, clock }),
    statements: new StatementService({ database, clock }),
    transparency,
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
    async close() {
      await app.replication.close();
      await peers.close();
      await outbox.stop();
      await checkCounts.stop();
      await checks.flushCounts();
      await snapshots?.save([policy.snapshots, search.snapshots]);
      await database.close();
    },
  };
  return app;
}
