import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { CreditReport } from '../../services/report-service.js';
import { configFrom, withApp, withDatabaseFlags } from '../context.js';

export function reportCommand(): Command {
  return withDatabaseFlags(new Command('report'))
    .summary("an entity's public credit report")
    .description(
      'As GET /v1/entities/{ref}/report: identity, names, current list memberships (legal basis, period, remedies),\n' +
        'ratings in force, and the records inside their publication window.\n' +
        'With --signed, as GET /v1/entities/{ref}/report.jws: the report as a compact JWS signed by this node, which\n' +
        '`credence verify` (or any JOSE library, with the node\'s /.well-known/jwks.json) checks.',
    )
    .argument('<ref>', 'the entity: scheme:value or internal id')
    .option('--json', 'print the report as JSON')
    .option('--signed', 'print the report signed by this node, as a compact JWS')
    .option('--out <file>', 'write the output to this file rather than to standard output')
    .action(async (ref: string, flags: { json?: boolean; signed?: boolean; out?: string; db?: string; node?: string }) => {
      const output = await withApp(configFrom(process.env, flags), async (app) => {
        if (flags.signed) return (await app.signedReports.sign(ref)) + '\n';
        const report = await app.reports.report(ref);
        return flags.json ? JSON.stringify(report) + '\n' : describeReport(report);
      });
      if (flags.out === undefined) process.stdout.write(output);
      else await writeFile(flags.out, output);
    });
}

function describeReport(r: CreditReport): string {
  const e = r.entity;
  const lines = [
    `${e.names[0]?.value ?? e.id} (${e.identifiers.map((i) => `${i.scheme}:${i.value}`).join(', ')})`,
    `  ${e.jurisdiction}, ${e.legalForm ?? 'legal form not recorded'}, ${e.status}; report as of ${r.asOf} under policy ${r.policyVersion}${r.disputed ? '; DISPUTED items' : ''}`,
  ];
  for (const n of e.names.slice(1)) lines.push(`  also: ${n.value} [${n.lang}, ${n.kind}]`);
  lines.push(r.lists.length === 0 ? 'lists: none' : 'lists:');
  for (const m of r.lists) {
    lines.push(`  - ${m.listId} (${m.kind}), ${m.state} from ${m.start}${m.end ? ` until ${m.end}` : ''}, by ${m.authority}${m.disputed ? ' (disputed)' : ''}`);
    lines.push(`    legal basis: ${m.legalBasis.map((c) => `${c.instrument}, ${c.article}`).join('; ')}`);
    const remedies = [
      m.remedies.earlyRemovalFrom ? `early removal from ${m.remedies.earlyRemovalFrom}` : '',
      m.remedies.repairable ? `credit repair: ${m.remedies.repairConditions.join('; ') || 'possible'}` : 'not repairable',
    ].filter(Boolean);
    lines.push(`    remedies: ${remedies.join('; ')}`);
  }
  lines.push(r.ratings.length === 0 ? 'ratings: none' : 'ratings:');
  for (const g of r.ratings) lines.push(`  - ${g.scheme} ${g.grade} since ${g.since}${g.until ? ` until ${g.until}` : ''} (${g.originNode})`);
  lines.push(r.records.length === 0 ? 'public records: none' : 'public records:');
  for (const rec of r.records) {
    const window = rec.publication ? `, published until ${rec.publication.until}` : '';
    lines.push(`  - ${rec.decidedOn} ${rec.category} ${rec.sourceId} by ${rec.authority}: ${rec.summary}${window}${rec.disputed ? ' (disputed)' : ''}`);
  }
  return lines.join('\n') + '\n';
}
