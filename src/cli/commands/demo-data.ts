import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Command, InvalidArgumentError } from 'commander';
import { gbaDate, isCalendarDate } from '../../domain/dates.js';
import { generateDemoData } from '../../domain/demo-data/index.js';
import { NODE_IDS, type NodeId } from '../../domain/taxonomy.js';

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 0`);
  return n;
};

/** Writes the demo lines of `options` to `out` as NDJSON, honouring back-pressure. */
export async function writeDemoData(
  options: { node: NodeId; entities: number; seed: number; today: string },
  out: Writable,
): Promise<number> {
  let lines = 0;
  for (const line of generateDemoData(options)) {
    lines++;
    if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
  }
  return lines;
}

export function demoDataCommand(): Command {
  return new Command('demo-data')
    .summary('generate realistic demo entities and records as NDJSON')
    .description('Deterministic: the same --node, --entities, --seed and --today always give the same bytes.')
    .requiredOption('--node <id>', 'node whose jurisdiction to model: gd, hk or mo', (value: string) => {
      if (!(NODE_IDS as readonly string[]).includes(value)) throw new InvalidArgumentError('must be gd, hk or mo');
      return value as NodeId;
    })
    .requiredOption('--entities <n>', 'number of entities', positiveInt('--entities'))
    .option('--seed <n>', 'random seed', positiveInt('--seed'), 1)
    .option('--today <date>', 'the date records are generated up to (default: today in the GBA)', (value: string) => {
      if (!isCalendarDate(value)) throw new InvalidArgumentError('must be a date YYYY-MM-DD');
      return value;
    })
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: { node: NodeId; entities: number; seed: number; today?: string; out?: string }) => {
      const out = flags.out ? createWriteStream(flags.out) : process.stdout;
      const options = { node: flags.node, entities: flags.entities, seed: flags.seed, today: flags.today ?? gbaDate(new Date()) };
      const lines = await writeDemoData(options, out);
      if (flags.out) {
        out.end();
        await once(out, 'finish');
        process.stderr.write(`wrote ${lines} lines to ${flags.out}\n`);
      }
    });
}
