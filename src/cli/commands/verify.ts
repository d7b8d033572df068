/** `credence verify FILE`: checks a signed credit report offline against a JWKS, or this node's and its partners' keys. */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { z } from 'zod';
import { KeyRing, fetchJwks, issuerJwks, parseJwks, type JwksSource } from '../../exchange/key-ring.js';
import { NodeKeys } from '../../exchange/node-keys.js';
import { verifyReport } from '../../exchange/verify-report.js';
import { CliExit, EXIT, configFrom } from '../context.js';

const FETCH_TIMEOUT_MS = 10_000;

type Flags = { jwks?: string; at?: string; json?: boolean; node?: string; db?: string };

export function verifyCommand(): Command {
  return new Command('verify')
    .summary('verify a signed credit report (report.jws)')
    .description(
      'Checks signature, type, issuer and validity period of a compact JWS from GET /v1/entities/{ref}/report.jws\n' +
        'or `credence report REF --signed`. With --jwks the keys come from that JWKS file or URL, whoever the issuer;\n' +
        "without it, from this node's key file (CREDENCE_KEY_FILE) and its partners' /.well-known/jwks.json\n" +
        '(CREDENCE_PEERS). Exit status 0 when valid, 1 when not, with the reason.\n\n' +
        'Examples:\n' +
        '  credence verify report.jws --jwks http://127.0.0.1:8080/.well-known/jwks.json\n' +
        '  credence verify report.jws --jwks jwks.json --at 2027-01-15',
    )
    .argument('<file>', 'the signed report (compact JWS)')
    .option('--jwks <file|url>', 'verify against this JWKS (a file, or an http(s) URL)')
    .option('--at <time>', 'verify as of this ISO date or time rather than now')
    .option('--node <id>', "without --jwks: whose node's keys and partners to use (env CREDENCE_NODE; default gd)")
    .option('--db <dir>', 'without --jwks: the node\'s data directory, where its key file is by default')
    .option('--json', 'print the verification as JSON')
    .action(async (file: string, flags: Flags) => {
      const now = flags.at === undefined ? new Date() : new Date(flags.at);
      if (Number.isNaN(now.getTime())) throw new CliExit(EXIT.usage, `credence: --at must be an ISO date or time, not "${flags.at}"`);
      const jws = await readInput(file, 'the signed report');
      const verification = await verifyReport(jws, new KeyRing(await jwksSource(flags)), now);
      if (flags.json) process.stdout.write(JSON.stringify(verification) + '\n');
      if (verification.valid) {
        if (!flags.json) {
          process.stdout.write(
            `valid: report on ${verification.subject} signed by ${verification.issuer} (key ${verification.kid}) at ${verification.issuedAt}, valid until ${verification.expiresAt}\n`,
          );
        }
        return;
      }
      throw new CliExit(EXIT.failure, `credence: invalid report (${verification.reason}): ${verification.message}`);
    });
}

async function jwksSource(flags: Flags): Promise<JwksSource> {
  if (flags.jwks === undefined) {
    const config = configFrom(process.env, flags);
    const clock = () => new Date();
    return issuerJwks({ node: config.node, nodeKeys: new NodeKeys({ file: config.keyFile, clock }), peers: config.peers, clock });
  }
  const source = flags.jwks;
  try {
    const jwks = /^https?:\/\//.test(source) ? await fetchJwks(source, FETCH_TIMEOUT_MS) : parseJwks(JSON.parse(await readInput(source, 'the JWKS')));
    return async () => jwks;
  } catch (error) {
    if (error instanceof CliExit) throw error;
    throw new CliExit(EXIT.usage, `credence: no JWKS from ${source}: ${error instanceof z.ZodError ? 'not a JWKS' : (error as Error).message}`);
  }
}

async function readInput(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliExit(EXIT.usage, `credence: cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}
