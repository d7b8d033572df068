/** `credence keys create|list|revoke`: the node operator's management of API keys. */
import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../domain/access.js';
import type { KeyView } from '../../services/key-service.js';
import { CliExit, EXIT, configFrom, withApp, withDatabaseFlags } from '../context.js';

type CreateFlags = {
  role: Role;
  label: string;
  entity?: string;
  authority?: string;
  duties?: string;
  contexts?: string;
  partner?: string;
  expires?: string;
  days?: string;
  json?: boolean;
  db?: string;
  node?: string;
};

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

export function keysCommand(): Command {
  const keys = new Command('keys').summary('create, list and revoke API keys');
  keys.addCommand(
    withDatabaseFlags(new Command('create'))
      .summary('create an API key; its secret is printed once')
      .description(
        'Creates a key for one role. The secret is shown only now: store it, it cannot be read again.\n' +
          'entity: bound to one entity (--entity). officer: bound to one authority of this node (--authority) with\n' +
          'duties recorder and/or reviewer (--duties). service: a point-of-service system limited to check contexts\n' +
          '(--contexts). partner: another node (--partner). policy-admin: simulates and activates policy packs.\n\n' +
          'Examples:\n' +
          '  credence keys create --role officer --authority gd-samr --duties recorder,reviewer --label "SAMR Guangzhou"\n' +
          '  credence keys create --role service --contexts public-procurement --label "procurement portal" --days 365\n' +
          '  credence keys create --role entity --entity uscc:91440101MA5CXXX01D --label "company representative"',
      )
      .addOption(new Option('--role <role>', 'the key\'s role').choices([...ROLES]).makeOptionMandatory())
      .requiredOption('--label <text>', 'who or what the key is for')
      .option('--entity <ref>', 'entity key: the entity (scheme:value or id)')
      .option('--authority <id>', "officer key: the officer's authority, e.g. gd-samr")
      .option('--duties <list>', 'officer key: comma-separated duties (recorder, reviewer)')
      .option('--contexts <list>', 'service key: comma-separated check contexts')
      .option('--partner <node>', 'partner key: the partner node (gd, hk or mo)')
      .option('--expires <time>', 'expiry as an ISO date or time, e.g. 2027-06-30')
      .option('--days <n>', 'expiry in days from now')
      .option('--json', 'print the key as JSON')
      .action(async (flags: CreateFlags) => {
        const expiresAt = expiryOf(flags);
        const created = await withApp(configFrom(process.env, flags), (app) =>
          app.keys.create(
            {
              role: flags.role,
              label: flags.label,
              ...(flags.entity !== undefined && { entity: flags.entity }),
              ...(flags.authority !== undefined && { authority: flags.authority }),
              ...(flags.duties !== undefined && { duties: list(flags.duties) }),
              ...(flags.contexts !== undefined && { contexts: list(flags.contexts) }),
              ...(flags.partner !== undefined && { partnerNode: flags.partner }),
              ...(expiresAt !== undefined && { expiresAt }),
            },
            'cli',
          ),
        );
        if (flags.json) process.stdout.write(JSON.stringify(created) + '\n');
        else process.stdout.write(`${describe(created)}\n\n  ${created.key}\n\nThis is the only time the secret is shown.\n`);
      }),
  );
  keys.addCommand(
    withDatabaseFlags(new Command('list'))
      .summary('list keys (never their secrets)')
      .option('--json', 'print the keys as JSON')
      .action(async (flags: { json?: boolean; db?: string; node?: string }) => {
        const all = await withApp(configFrom(process.env, flags), (app) => app.keys.list());
        if (flags.json) process.stdout.write(JSON.stringify(all) + '\n');
        else process.stdout.write(all.length === 0 ? 'no keys\n' : all.map(describe).join('\n') + '\n');
      }),
  );
  keys.addCommand(
    withDatabaseFlags(new Command('revoke'))
      .summary('revoke a key at once; its browser sessions end with it')
      .argument('<id>', 'the key id (from keys list)')
      .action(async (id: string, flags: { db?: string; node?: string }) => {
        const revoked = await withApp(configFrom(process.env, flags), (app) => app.keys.revoke(id, 'cli'));
        process.stdout.write(`revoked ${describe(revoked)}\n`);
      }),
  );
  return keys;
}

function expiryOf(flags: CreateFlags): string | undefined {
  if (flags.expires !== undefined && flags.days !== undefined) throw new CliExit(EXIT.usage, 'credence: give --expires or --days, not both');
  if (flags.days !== undefined) {
    const days = Number(flags.days);
    if (!Number.isInteger(days) || days < 1) throw new CliExit(EXIT.usage, `credence: --days must be a whole number of days, not "${flags.days}"`);
    return new Date(Date.now() + days * 86_400_000).toISOString();
  }
  if (flags.expires !== undefined && Number.isNaN(Date.parse(flags.expires))) {
    throw new CliExit(EXIT.usage, `credence: --expires must be an ISO date or time such as 2027-06-30, not "${flags.expires}"`);
  }
  return flags.expires;
}

function describe(k: KeyView): string {
  const scope = [
    k.entityId && `entity ${k.entityId}`,
    k.authority && `authority ${k.authority}${k.duties.length > 0 ? ` (${k.duties.join(', ')})` : ''}`,
    k.contexts && `contexts ${k.contexts.join(', ')}`,
    k.partnerNode && `partner ${k.partnerNode}`,
  ].filter(Boolean);
  const state = k.revokedAt ? `revoked ${k.revokedAt}` : k.expiresAt ? `expires ${k.expiresAt}` : 'no expiry';
  return `${k.id}  ${k.role}  "${k.label}"${scope.length > 0 ? `  ${scope.join('; ')}` : ''}  [${state}]`;
}
