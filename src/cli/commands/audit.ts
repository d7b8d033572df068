import { Command } from 'commander';
import { CliExit, EXIT, configFrom, withApp, withDatabaseFlags } from '../context.js';

export function auditCommand(): Command {
  const audit = new Command('audit').summary('inspect the tamper-evident audit log');
  audit.addCommand(
    withDatabaseFlags(new Command('verify'))
      .summary('verify the hash chain of the audit log')
      .description('Recomputes every entry hash and link. Exit status 0 when the chain is intact, 1 when it is broken.')
      .option('--json', 'print the verdict as JSON')
      .action(async (flags: { json?: boolean; db?: string; node?: string }) => {
        const verdict = await withApp(configFrom(process.env, flags), (app) => app.audit.verify());
        if (flags.json) process.stdout.write(JSON.stringify(verdict) + '\n');
        else if (verdict.ok) process.stdout.write(`audit chain intact: ${verdict.entries} entries, head ${verdict.head}\n`);
        else process.stdout.write(`audit chain BROKEN at entry ${verdict.seq}: ${verdict.reason}\n`);
        if (!verdict.ok) throw new CliExit(EXIT.failure);
      }),
  );
  return audit;
}
