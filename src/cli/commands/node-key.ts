/** `credence node-key show|rotate`: the node's Ed25519 signing keys, published at /.well-known/jwks.json. */
import { Command } from 'commander';
import { NodeKeys, type StoredNodeKey } from '../../exchange/node-keys.js';
import { configFrom, withDatabaseFlags } from '../context.js';

type Flags = { json?: boolean; db?: string; node?: string };

/** The node's key file from configuration; no database is opened. */
function nodeKeysOf(flags: Flags): NodeKeys {
  return new NodeKeys({ file: configFrom(process.env, flags).keyFile, clock: () => new Date() });
}

export function nodeKeyCommand(): Command {
  const nodeKey = new Command('node-key').summary("show or rotate the node's signing keys");
  nodeKey.addCommand(
    withDatabaseFlags(new Command('show'))
      .summary('list the node keys (public halves), creating the first one if there is none')
      .description('Keys live in CREDENCE_KEY_FILE, by default node-keys.json in the node\'s data directory (mode 0600).')
      .option('--json', 'print the public keys as a JWKS, as /.well-known/jwks.json serves them')
      .action(async (flags: Flags) => {
        const keys = nodeKeysOf(flags);
        if (flags.json) process.stdout.write(JSON.stringify(await keys.jwks()) + '\n');
        else process.stdout.write(`${keys.file}\n${(await keys.keys()).map(describe).join('\n')}\n`);
      }),
  );
  nodeKey.addCommand(
    withDatabaseFlags(new Command('rotate'))
      .summary('add a new signing key; older keys stay published to verify what they signed')
      .description(
        'The new key signs from now on, in this process and in a running server (which re-reads the key file when\n' +
          'it changes). Retired keys keep their kid and stay in /.well-known/jwks.json with a retiredAt in the file.',
      )
      .option('--json', 'print the new kid as JSON')
      .action(async (flags: Flags) => {
        const kid = await nodeKeysOf(flags).rotate();
        process.stdout.write(flags.json ? JSON.stringify({ kid }) + '\n' : `signing key is now ${kid}\n`);
      }),
  );
  return nodeKey;
}

function describe(k: StoredNodeKey): string {
  return `${k.kid}  created ${k.createdAt}  ${k.retiredAt ? `retired ${k.retiredAt}` : 'signing'}`;
}
