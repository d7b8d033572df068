/**
 * `credence serve`: one node's HTTP API, in one process or, with `--workers N` on PostgreSQL, in N processes of
 * one machine sharing the port (src/cli/node.ts; docs/deploy.md).
 */
import cluster from 'node:cluster';
import { Command } from 'commander';
import { CliExit, EXIT, configFrom, withDatabaseFlags } from '../context.js';

function workerCount(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new CliExit(EXIT.usage, `credence: --workers must be a whole number from 1 to 999, not "${value}"`);
  return Number(value);
}

export function serveCommand(): Command {
  return withDatabaseFlags(new Command('serve'))
    .summary('run the HTTP API of one node')
    .description(
      'Serves the API under /v1, OpenAPI at /openapi.json, browsable docs at /docs, /healthz, /readyz and /metrics. ' +
        'With --workers N (PostgreSQL only) N processes share the port, restarted when they die (docs/deploy.md).',
    )
    .option('--port <port>', 'TCP port (env CREDENCE_PORT; default 8080)')
    .option('--host <host>', 'address to listen on (env CREDENCE_HOST; default 127.0.0.1)')
    .option('--workers <n>', 'API processes sharing the port, e.g. one per core (PostgreSQL only; default 1)')
    .action(async (flags: { port?: string; host?: string; db?: string; node?: string; workers?: string }) => {
      const config = configFrom(process.env, flags, { CREDENCE_PORT: flags.port, CREDENCE_HOST: flags.host });
      const workers = workerCount(flags.workers);
      if (workers > 1 && config.database.kind !== 'postgres') {
        throw new CliExit(EXIT.usage, 'credence: --workers needs PostgreSQL (--db postgres://… or DATABASE_URL); the embedded database serves one process');
      }
      const { startNode, superviseWorkers, untilSignal } = await import('../node.js');
      if (workers > 1 && cluster.isPrimary) return superviseWorkers(config, workers);
      const node = await startNode(config);
      // Each worker has metrics of its own: the label says whose a scrape got.
      if (cluster.isWorker) node.app.metrics.registry.setDefaultLabels({ worker: String(cluster.worker!.id) });
      node.app.logger.info({ url: node.url, pid: process.pid }, `credence ${config.node} node listening on ${node.url}`);
      await untilSignal();
      await node.stop();
      // The channel to the primary would keep a worker alive.
      if (cluster.isWorker && process.connected) cluster.worker!.disconnect();
    });
}
