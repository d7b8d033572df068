/**
 * `npm run bench [-- NAME] [--records N] [--entities N] [--seconds S] [--objections N] [--page-size N] [--connections N] [--nice N]`: runs the named bench (all when none), each printing a table of
 * figures with ratios against a baseline measured in the same run.
 */
import { Command, InvalidArgumentError } from 'commander';
import { checkBench } from './check.js';
import { importBench } from './import.js';
import { searchBench } from './search.js';
import { verifyBench } from './verify.js';
import { objectionsBench } from './objections.js';
import { replicateBench } from './replicate.js';
import { loadBench } from './load.js';

const BENCHES = {
  import: (o: { records: number }) => importBench({ records: o.records }),
  check: (o: { entities: number; seconds: number }) => checkBench({ entities: o.entities, seconds: o.seconds }),
  search: () => searchBench(),
  verify: () => verifyBench(),
  objections: (o: { objections: number }) => objectionsBench({ objections: o.objections }),
  replicate: (o: { records: number; pageSize: number }) => replicateBench({ records: o.records, pageSize: o.pageSize }),
  load: (o: { records: number; connections: number; nice: number }) => loadBench({ records: o.records, connections: o.connections, nice: o.nice }),
} as const;

const program = new Command('bench')
  .argument('[names...]', `benches to run: ${Object.keys(BENCHES).join(', ')} (default: all)`)
  .option('--records <n>', 'record lines for the import bench, records for the replicate bench, records imported by the load bench', (v: string) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1000) throw new InvalidArgumentError('must be a whole number ≥ 1000');
    return n;
  }, 1_000_000)
  .option('--entities <n>', 'entities in the check index of the check bench', (v: string) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1000) throw new InvalidArgumentError('must be a whole number ≥ 1000');
    return n;
  }, 1_000_000)
  .option('--objections <n>', 'objections filed at once by the objections bench', (v: string) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 10) throw new InvalidArgumentError('must be a whole number ≥ 10');
    return n;
  }, 10_000)
  .option('--page-size <n>', 'feed items per page in the replicate bench', (v: string) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('must be a whole number from 1 to 10000');
    return n;
  }, 10_000)
  .option('--connections <n>', 'concurrent connections of the load bench\'s checks', (v: string) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('must be a whole number from 1 to 1000');
    return n;
  }, 16)
  .option('--nice <n>', 'CPU priority of the load bench\'s import and pull: 0 (the server\'s) to 19 (the lowest)', (v: string) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0 || n > 19) throw new InvalidArgumentError('must be a whole number from 0 to 19');
    return n;
  }, 10)
  .option('--seconds <n>', 'duration of each HTTP run of the check bench', (v: string) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of seconds ≥ 1');
    return n;
  }, 20)
  .action(async (names: string[], options: { records: number; entities: number; seconds: number; objections: number; pageSize: number; connections: number; nice: number }) => {
    const selected = names.length > 0 ? names : Object.keys(BENCHES);
    for (const name of selected) {
      const bench = BENCHES[name as keyof typeof BENCHES];
      if (!bench) throw new InvalidArgumentError(`unknown bench ${name}`);
      await bench(options);
    }
  });

await program.parseAsync(process.argv);
