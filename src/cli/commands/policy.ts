import { Command } from 'commander';
import { readPackFiles } from '../../policy/load-pack.js';
import type { SimulationReport } from '../../policy/simulate.js';
import { configFrom, withApp, withDatabaseFlags } from '../context.js';

export function policyCommand(): Command {
  const policy = new Command('policy').summary('simulate and activate policy pack versions');
  policy.addCommand(
    withDatabaseFlags(new Command('simulate'))
      .summary('evaluate a candidate pack against current data, changing nothing')
      .description('Reports who would enter or leave each list and how many check decisions would change per context.')
      .argument('<pack-dir>', 'directory of the candidate pack (pack.yaml, lists.yaml, …)')
      .option('--json', 'print the report as JSON')
      .action(async (dir: string, flags: { json?: boolean; db?: string; node?: string }) => {
        const files = await readPackFiles(dir);
        const report = await withApp(configFrom(process.env, flags), (app) => app.policy.simulate(files));
        process.stdout.write(flags.json ? JSON.stringify(report) + '\n' : describeSimulation(report));
      }),
  );
  policy.addCommand(
    withDatabaseFlags(new Command('activate'))
      .summary('make a pack the active version of this node')
      .description(
        'Validates the pack, stores it as the active version (it wins over the pack directory at the next start) and\n' +
          'writes an audit entry. Its version must not have been used before. A running server picks it up on restart.',
      )
      .argument('<pack-dir>', 'directory of the pack to activate')
      .option('--json', 'print the activation as JSON')
      .action(async (dir: string, flags: { json?: boolean; db?: string; node?: string }) => {
        const files = await readPackFiles(dir);
        const activation = await withApp(configFrom(process.env, flags), (app) => app.policy.activate(files, 'cli'));
        process.stdout.write(
          flags.json ? JSON.stringify(activation) + '\n' : `activated policy ${activation.version} (was ${activation.previousVersion}) at ${activation.activatedAt}\n`,
        );
      }),
  );
  return policy;
}

function describeSimulation(r: SimulationReport): string {
  const lines = [`simulated policy ${r.candidateVersion} against ${r.currentVersion} on ${r.at} for ${r.entities} entities`, 'lists:'];
  for (const l of r.lists) {
    const sample = (s: string[]) => (s.length > 0 ? ` (${s.slice(0, 5).join(', ')}${s.length > 5 ? ', …' : ''})` : '');
    lines.push(`  ${l.list}: +${l.entering.count}${sample(l.entering.sample)}  -${l.leaving.count}${sample(l.leaving.sample)}`);
  }
  lines.push('decisions:');
  for (const d of r.decisions) {
    lines.push(`  ${d.context}: ${d.changed === 0 ? 'unchanged' : d.changes.map((c) => `${c.from}→${c.to} ${c.count}`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
