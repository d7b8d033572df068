import { Command, InvalidArgumentError } from 'commander';
import { JURISDICTIONS, type Jurisdiction } from '../../domain/taxonomy.js';
import { SEARCH_LIMIT, type SearchHitView } from '../../services/search-service.js';
import { configFrom, withApp, withDatabaseFlags } from '../context.js';

export function searchCommand(): Command {
  return withDatabaseFlags(new Command('search'))
    .summary('search entities by name (any script) or identifier')
    .description(
      'An identifier in any scheme (spaces and full-width characters allowed) resolves exactly; anything else ranks\n' +
        'names in Simplified or Traditional Chinese, English or Portuguese, each hit scored (0–1) and explained.\n' +
        'The name index is built from the register first, which takes seconds on a large one.',
    )
    .argument('<query>', 'a name or an identifier')
    .option('--json', 'print the hits as JSON')
    .option('--limit <n>', `hits at most (1–${SEARCH_LIMIT.max}, default ${SEARCH_LIMIT.default})`, (value: string) => {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < 1 || n > SEARCH_LIMIT.max) throw new InvalidArgumentError(`must be a whole number from 1 to ${SEARCH_LIMIT.max}`);
      return n;
    })
    .option('--jurisdiction <code>', `only entities of ${JURISDICTIONS.join(', ')}`, (value: string) => {
      const code = value.toUpperCase();
      if (!(JURISDICTIONS as readonly string[]).includes(code)) throw new InvalidArgumentError(`must be one of ${JURISDICTIONS.join(', ')}`);
      return code as Jurisdiction;
    })
    .action(async (q: string, flags: { json?: boolean; limit?: number; jurisdiction?: Jurisdiction; db?: string; node?: string }) => {
      const hits = await withApp(configFrom(process.env, flags), (app) =>
        app.search.search({ q, limit: flags.limit, jurisdiction: flags.jurisdiction }),
      );
      process.stdout.write(flags.json ? JSON.stringify(hits) + '\n' : describe(hits));
    });
}

function describe(hits: SearchHitView[]): string {
  if (hits.length === 0) return 'no entity found\n';
  return hits
    .map((hit, i) => {
      const { entity } = hit;
      const codes = entity.identifiers.map((id) => `${id.scheme}:${id.value}`).join(' ');
      const names = entity.names.map((n) => n.value).join(' / ');
      return [`${i + 1}. ${hit.score.toFixed(3)}  ${entity.jurisdiction}  ${names}  ${codes}`, ...hit.explanation.map((why) => `     ${why}`)].join('\n');
    })
    .join('\n') + '\n';
}
