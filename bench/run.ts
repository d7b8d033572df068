/**
 * `npm run bench [-- NAME] [--records N] [--db DIR] [--entities N] [--seconds S] [--objections N] [--page-size N] [--connections N] [--nice N]`: runs the named bench (all when none), each printing a table of
 * figures with ratios against a baseline measured in the same run.
 */
import { Command, InvalidArgumentError } from 'commander';
import { checkBench } from './check.js';
import { importBench, startBench } from './import.js';
import { searchBench } from './search.js';
import { verifyBench } from './verify.js';
import { objectionsBench } from './objections.js';
import { replicateBench } from './replicate.js';
import { loadBench } from './load.js';

const BENCHES = {
  import: (o: { records: number }) => importBench({ records: o.records }),
  start: (o: { records: number; db?: string }) => startBench({ records: o.records, db: o.db }),
  check: (o: { entities: number; seconds: number }) => checkBench({ entities: o.entities, seconds: o.seconds }),
  search: (o: { entities: number }) => searchBench({ entities: o.entities }),
  verify: () => verifyBench(),
  objections: (o: { objections: number }) => objectionsBench({ objections: o.objections }),
  replicate: (o: { records: number; pageSize: number }) => replicateBench({ records: o.records, pageSize: o.pageSize }),
  load: (o: { records: number; connections: number; nice: number }) => loadBench({ records: o.records, connections: o.connections, nice: o.nice }),
} as const;

/** A commander parser for a whole number from `min` to `max`. */
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => (v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `must be a whole number ≥ ${min}` : `must be a whole number from ${min} to ${max}`);
  }
  return n;
};

const program = new Command('bench')
  .argument('[names...]', `benches to run: ${Object.keys(BENCHES).join(', ')} (default: all but start, whose table the import bench ends with)`)
  .option('--db <dir>', 'the PGlite database the start bench starts on (default: a fresh one with --records demo record lines)')
  .option('--records <n>', 'record lines for the import and start benches, records for the replicate bench, records imported by the load bench', wholeNumber(1000), 1_000_000)
  .option('--entities <n>', 'entities in the check index of the check bench, demo entities searched at scale by the search bench', wholeNumber(1000), 1_000_000)
  .option('--objections <n>', 'objections filed at once by the objections bench', wholeNumber(10), 10_000)
  .option('--page-size <n>', 'feed items per page in the replicate bench', wholeNumber(1, 10_000), 10_000)
  .option('--connections <n>', "concurrent connections of the load bench's checks", wholeNumber(1, 1000), 16)
  .option('--nice <n>', "CPU priority of the load bench's import and pull: 0 (the server's) to 19 (the lowest)", wholeNumber(0, 19), 10)
  .option('--seconds <n>', 'duration of each HTTP run of the check bench', wholeNumber(1), 20)
  .action(async (names: string[], options: { records: number; db?: string; entities: number; seconds: number; objections: number; pageSize: number; connections: number; nice: number }) => {
    const selected = names.length > 0 ? names : Object.keys(BENCHES).filter((name) => name !== 'start');
    for (const name of selected) {
      const bench = BENCHES[name as keyof typeof BENCHES];
      if (!bench) throw new InvalidArgumentError(`unknown bench ${name}`);
      await bench(options);
    }
  });

await program.parseAsync(process.argv);
