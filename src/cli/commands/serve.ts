import { Command } from 'commander';
import { buildApp, type App } from '../../app.js';
import type { Config } from '../../config.js';
import { buildHttpServer } from '../../http/server.js';
import { configFrom, withDatabaseFlags } from '../context.js';
import { runEvery } from '../../services/periodic.js';

export interface RunningNode {
  app: App;
  url: string;
  stop(): Promise<void>;
}

/** How often a serving node compares watched entities for decisions changed by the date alone (expiry). */
const EXPIRY_SWEEP_MS = 60 * 60 * 1000;

/**
 * Starts one node's HTTP server, then builds its search and check indexes in the background: the register
 * answers at once, and /readyz turns ready when the indexes are built. Watches are swept for expiry at start
 * and every hour. `stop` ends the sweeps, closes the server, then the database.
 */
export async function startNode(config: Config): Promise<RunningNode> {
  const app = await buildApp(config);
  try {
    // The node's signing key exists from the first start on (generated now if it does not), so its JWKS is published.
    await app.nodeKeys.jwks();
    const server = await buildHttpServer(app);
    const address = await server.listen({ host: config.http.host, port: config.http.port });
    app.outbox.start();
    app.warm().then(
      () => app.logger.info('search and check indexes built'),
      (error: unknown) => app.logger.error({ err: error }, 'building the indexes failed'),
    );
    const sweeps = app.watches.startSweeps(EXPIRY_SWEEP_MS);
    // Exchange: records past their publicity window are marked expired (and so retracted from partners) every
    // hour; partners' feeds are pulled every CREDENCE_EXCHANGE_PULL_SECONDS.
    const publicity = runEvery(EXPIRY_SWEEP_MS, () => app.feed.expirePublicity(), (error) => app.logger.error({ err: error }, 'publicity expiry sweep failed'));
    const replication = config.exchangePullSeconds > 0 ? app.replication.start(config.exchangePullSeconds * 1000) : undefined;
    return {
      app,
      url: address,
      async stop() {
        await replication?.stop();
        await publicity.stop();
        await sweeps.stop();
        await server.close();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** Resolves when SIGINT or SIGTERM arrives. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}

export function serveCommand(): Command {
  return withDatabaseFlags(new Command('serve'))
    .summary('run the HTTP API of one node')
    .description('Serves the API under /v1, OpenAPI at /openapi.json, browsable docs at /docs, /healthz, /readyz and /metrics.')
    .option('--port <port>', 'TCP port (env CREDENCE_PORT; default 8080)')
    .option('--host <host>', 'address to listen on (env CREDENCE_HOST; default 127.0.0.1)')
    .action(async (flags: { port?: string; host?: string; db?: string; node?: string }) => {
      const config = configFrom(process.env, flags, { CREDENCE_PORT: flags.port, CREDENCE_HOST: flags.host });
      const node = await startNode(config);
      node.app.logger.info({ url: node.url }, `credence ${config.node} node listening on ${node.url}`);
      await untilSignal();
      await node.stop();
    });
}
