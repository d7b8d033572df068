/** `credence exchange pull|status`: replicate partners' feeds now, and show how replication stands. */
import { Command, InvalidArgumentError } from 'commander';
import { NODE_IDS, type NodeId } from '../../domain/taxonomy.js';
import { CliExit, EXIT, configFrom, withApp, withDatabaseFlags } from '../context.js';

type Flags = { partner?: NodeId; json?: boolean; db?: string; node?: string };

const partnerOption = (value: string): NodeId => {
  if (!(NODE_IDS as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${NODE_IDS.join(', ')}`);
  return value as NodeId;
};

export function exchangeCommand(): Command {
  const exchange = new Command('exchange').summary("replicate partner nodes' feeds");
  exchange.addCommand(
    withDatabaseFlags(new Command('pull'))
      .summary('pull every partner (or one) until its feed has nothing more')
      .description(
        'Partners and the keys this node holds there come from CREDENCE_PEERS (hk=http://…) and CREDENCE_PEER_KEYS\n' +
          '(hk=crd_…). Every page is verified against the partner’s JWKS; a rejected page is reported and ends the\n' +
          'pull of that partner with exit code 3.',
      )
      .option('--partner <node>', 'pull only this partner', partnerOption)
      .option('--json', 'print the results as JSON')
      .action(async (flags: Flags) => {
        const config = configFrom(process.env, flags);
        const results = await withApp(config, async (app) => {
          if (flags.partner && !app.replication.partners.includes(flags.partner)) {
            throw new CliExit(EXIT.usage, `credence: ${flags.partner} is not a configured partner (CREDENCE_PEERS with CREDENCE_PEER_KEYS)`);
          }
          if (app.replication.partners.length === 0) throw new CliExit(EXIT.usage, 'credence: no partners configured: set CREDENCE_PEERS and CREDENCE_PEER_KEYS');
          return app.replication.pullAll(flags.partner);
        });
        if (flags.json) process.stdout.write(JSON.stringify(results) + '\n');
        else for (const r of results) process.stdout.write(`${r.partner}  ${r.pages} pages, ${r.items} items${r.duplicates ? `, ${r.duplicates} repeated` : ''}${r.error ? `  FAILED: ${r.error}` : ''}\n`);
        if (results.some((r) => r.rejected)) throw new CliExit(EXIT.rejected);
        if (results.some((r) => r.error)) throw new CliExit(EXIT.failure);
      }),
  );
  exchange.addCommand(
    withDatabaseFlags(new Command('status'))
      .summary('cursor, last pull, last error and rejected pages per partner')
      .action(async (flags: Flags) => {
        const status = await withApp(configFrom(process.env, flags), (app) => app.replication.status());
        process.stdout.write(JSON.stringify(status, null, 2) + '\n');
      }),
  );
  return exchange;
}
