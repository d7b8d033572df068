/**
 * Running a node: one process (`startNode`, also the demo's), or N processes of one machine sharing the port
 * (node:cluster) on PostgreSQL. Processes on one database keep their indexes consistent through the change
 * bus, and only the one leading runs the periodic jobs (docs/deploy.md). Loaded by `credence serve` when it
 * runs, so the rest of the CLI starts without the server's modules.
 */
import cluster from 'node:cluster';
import { pino } from 'pino';
import { buildApp, type App } from '../app.js';
import type { Config } from '../config.js';
import { buildHttpServer } from '../http/server.js';
import { runEvery, type Periodic } from '../services/periodic.js';
import { openDatabase } from '../store/database.js';

export interface RunningNode {
  app: App;
  url: string;
  stop(): Promise<void>;
}

/** How often a serving node compares watched entities for decisions changed by the date alone (expiry). */
const EXPIRY_SWEEP_MS = 60 * 60 * 1000;
/**
 * How long after the node starts the sweeps first run. Each reads every watch or every active record (3.3–3.6 s at a
 * million records): run at once, they held up the first requests after a restart. Nothing waits on them: checks and
 * the feed apply a record's publicity window themselves (exchange/publicity-expiry.ts).
 */
const FIRST_SWEEP_AFTER_MS = 60 * 1000;

/** Wait before replacing a worker that died, so that one failing at start does not spin. */
const RESTART_DELAY_MS = 1_000;

/**
 * Starts one node's HTTP server, then builds its search and check indexes in the background: the register
 * answers at once, and /readyz turns ready when the indexes are built. On the embedded database they are loaded
 * instead from the snapshots its last clean stop wrote, when nothing changed since (services/index-snapshots.ts).
 * It hears the other processes on its database before the indexes are built. `stop` ends the periodic jobs, closes
 * the server, then the app (which writes the snapshots before it closes the database).
 */
export async function startNode(config: Config): Promise<RunningNode> {
  const app = await buildApp(config, { indexSnapshots: true });
  try {
    // The node's signing key exists from the first start on (generated now if it does not), so its JWKS is published.
    await app.nodeKeys.jwks();
    await app.peers.listen();
    const server = await buildHttpServer(app);
    const address = await server.listen({ host: config.http.host, port: config.http.port });
    // Every process dispatches the outbox: claims skip rows another process holds.
    app.outbox.start();
    app.warm().then(
      () => app.logger.info('search and check indexes built'),
      (error: unknown) => app.logger.error({ err: error }, 'building the indexes failed'),
    );
    const jobs = startPeriodicJobs(app, config);
    return {
      app,
      url: address,
      async stop() {
        for (const job of jobs) await job.stop();
        await server.close();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/**
 * Watches swept for expiry and records past their publicity window marked expired (and so retracted from
 * partners), a minute after the node starts and every hour; partners' feeds pulled at once and every
 * CREDENCE_EXCHANGE_PULL_SECONDS. Each tick runs only in the process leading (`App.peers.lead`), so N processes on
 * one database do the work once; the row locks these jobs take keep them correct even while the lead passes from
 * one process to another.
 */
function startPeriodicJobs(app: App, config: Config): Periodic[] {
  const jobs: { name: string; everyMs: number; firstAfterMs: number; run: () => Promise<unknown> }[] = [
    { name: 'expiry sweep', everyMs: EXPIRY_SWEEP_MS, firstAfterMs: FIRST_SWEEP_AFTER_MS, run: () => app.watches.sweep() },
    { name: 'publicity expiry sweep', everyMs: EXPIRY_SWEEP_MS, firstAfterMs: FIRST_SWEEP_AFTER_MS, run: () => app.feed.expirePublicity() },
  ];
  if (config.exchangePullSeconds > 0) {
    jobs.push({ name: 'exchange pull', everyMs: config.exchangePullSeconds * 1000, firstAfterMs: 0, run: () => app.replication.pullAll() });
  }
  return jobs.map((job) =>
    runEvery(
      job.everyMs,
      async () => {
        if (await app.peers.lead()) await job.run();
      },
      (error) => app.logger.error({ err: error }, `${job.name} failed`),
      job.firstAfterMs,
    ),
  );
}

/** Resolves when SIGINT or SIGTERM arrives, or, in a worker, when the primary process is gone. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
    if (cluster.isWorker) process.once('disconnect', () => resolve('disconnect'));
  });
}

/**
 * The primary of `--workers N`: migrates the database once, forks N workers (each runs `serve` as one process on
 * the shared port), replaces a worker that dies, and on SIGINT or SIGTERM stops them all and waits for them.
 */
export async function superviseWorkers(config: Config, count: number): Promise<void> {
  const logger = pino({ level: config.logLevel, base: { node: config.node } });
  await (await openDatabase(config.database)).close();
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ worker: worker.id, pid: worker.process.pid, code, signal }, `worker ${worker.id} died; starting another in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => stopping || fork(), RESTART_DELAY_MS).unref();
    });
  };
  for (let i = 0; i < count; i++) fork();
  logger.info({ workers: count, pid: process.pid }, `credence ${config.node} node: ${count} workers on http://${config.http.host}:${config.http.port}`);
  await untilSignal();
  stopping = true;
  const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}

