import { Command } from 'commander';
import type { CheckResult } from '../../services/check-service.js';
import type { MeasureView } from '../../services/decision-index.js';
import { configFrom, withApp, withDatabaseFlags } from '../context.js';

export function checkCommand(): Command {
  return withDatabaseFlags(new Command('check'))
    .summary('which measures apply to an entity at a point of service, and why')
    .description(
      'Answers as POST /v1/checks does: the decision (allow, review, deny), each measure with its implementing\n' +
        'authority, legal basis and the records behind it, and the facilitations. Exit status 0 whatever the\n' +
        'decision; 2 for an unknown context or entity reference, 1 for any other failure.',
    )
    .argument('<ref>', 'the entity: scheme:value (uscc, hk-brn, hk-cr, mo-reg, lei, aeo) or internal id')
    .requiredOption('--context <context>', 'point of service, e.g. public-procurement, customs-clearance')
    .option('--at <date>', 'answer as of this date (YYYY-MM-DD); default today in the GBA')
    .option('--json', 'print the answer as JSON')
    .action(async (ref: string, flags: { context: string; at?: string; json?: boolean; db?: string; node?: string }) => {
      const result = await withApp(configFrom(process.env, flags), async (app) => app.checks.check({ entity: ref, context: flags.context, at: flags.at }));
      process.stdout.write(flags.json ? JSON.stringify(result) + '\n' : describeCheck(ref, flags.context, result));
    });
}

/** The answer of a check as a few readable lines. */
export function describeCheck(ref: string, context: string, r: CheckResult): string {
  const lines = [`${ref} — ${context} on ${r.evaluatedAt}: ${r.decision.toUpperCase()}${r.disputed ? ' (disputed)' : ''}   [policy ${r.policyVersion}]`];
  const show = (title: string, measures: readonly MeasureView[]) => {
    if (measures.length === 0) return;
    lines.push(`${title}:`);
    for (const m of measures) {
      lines.push(`  - ${m.id} (${m.kind}: ${m.effect}) by ${m.authority}`);
      lines.push(`    legal basis: ${m.legalBasis.map((c) => `${c.instrument}, ${c.article}`).join('; ')}`);
      lines.push(`    because: ${m.because.map((f) => `${f.category} ${f.sourceId} of ${f.decidedOn}${f.disputed ? ' (disputed)' : ''}`).join('; ')}`);
    }
  };
  show('measures', r.measures);
  show('facilitations', r.facilitations);
  if (r.measures.length === 0 && r.facilitations.length === 0) lines.push('no measure applies');
  return lines.join('\n') + '\n';
}
