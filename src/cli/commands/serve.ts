import { Command } from 'commander';
import { buildApp, type App } from '../../app.js';
import type { Config } from '../../config.js';
import { buildHttpServer } from '../../http/server.js';
import { configFrom, withDatabaseFlags } from '../context.js';

export interface RunningNode {
  app: App;
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts one node's HTTP server, then builds its search and check indexes in the background: the register
 * answers at once, and /readyz turns ready when the indexes are built. `stop` closes the server, then the
 * database.
 */
export async function startNode(config: Config): Promise<RunningNode> {
  const app = await buildApp(config);
  try {
    const server = await buildHttpServer(app);
    const address = await server.listen({ host: config.http.host, port: config.http.port });
    app.warm().then(
      () => app.logger.info('search and check indexes built'),
      (error: unknown) => app.logger.error({ err: error }, 'building the indexes failed'),
    );
    return {
      app,
      url: address,
      async stop() {
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
