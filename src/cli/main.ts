#!/usr/bin/env node
/** `credence`: the command-line interface, thin adapters over the same services as the HTTP API. */
import { Command } from 'commander';
import { auditCommand } from './commands/audit.js';
import { demoDataCommand } from './commands/demo-data.js';
import { importCommand } from './commands/import.js';
import { searchCommand } from './commands/search.js';
import { serveCommand } from './commands/serve.js';
import { checkCommand } from './commands/check.js';
import { policyCommand } from './commands/policy.js';
import { reportCommand } from './commands/report.js';
import { keysCommand } from './commands/keys.js';
import { nodeKeyCommand } from './commands/node-key.js';
import { verifyCommand } from './commands/verify.js';
import { exchangeCommand } from './commands/exchange.js';
import { exitCodeFor } from './context.js';

export function buildCli(): Command {
  const program = new Command('credence')
    .description('Credence: enterprise credit information for the Guangdong–Hong Kong–Macau Greater Bay Area')
    .showHelpAfterError()
    .exitOverride();
  for (const command of [serveCommand(), importCommand(), searchCommand(), demoDataCommand(), auditCommand(), checkCommand(), reportCommand(), verifyCommand(), policyCommand(), keysCommand(), nodeKeyCommand(), exchangeCommand()]) {
    program.addCommand(command.exitOverride().showHelpAfterError());
  }
  for (const command of program.commands) for (const sub of command.commands) sub.exitOverride().showHelpAfterError();
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv);
    return 0;
  } catch (error) {
    const { code, message } = exitCodeFor(error);
    if (message) process.stderr.write(`${message}\n`);
    return code;
  }
}

process.exitCode = await main(process.argv);
