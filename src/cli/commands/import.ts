import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { ImportProgress, ImportSummary } from '../../services/import/import-service.js';
import { CliExit, EXIT, configFrom, withApp, withDatabaseFlags } from '../context.js';

const MAX_PRINTED_REJECTS = 20;

export function importCommand(): Command {
  return withDatabaseFlags(new Command('import'))
    .summary('import entity and record lines (NDJSON or CSV)')
    .description(
      'Validates and imports NDJSON (.ndjson/.jsonl) or CSV (.csv, dotted-path header) files of entity and record lines.\n' +
        'Idempotent: entities are keyed by identifier, records by sourceId; importing the same file again changes nothing.\n' +
        'A line is applied whole or rejected whole. Exit status: 0 all lines imported, 3 some lines rejected (the rest\n' +
        'imported), 2 usage error, 1 any other failure.',
    )
    .argument('<files...>', 'files to import, in order')
    .option('--rejects <file>', 'write every rejected line to this file as NDJSON {file, line, field, reason}')
    .option('--json', 'print the summary as JSON')
    .option('--batch-size <lines>', 'lines per transaction (env CREDENCE_IMPORT_BATCH_SIZE; default 20000)')
    .action(async (files: string[], flags: { rejects?: string; json?: boolean; batchSize?: string; db?: string; node?: string }) => {
      const config = configFrom(process.env, flags, { CREDENCE_IMPORT_BATCH_SIZE: flags.batchSize });
      const rejects = flags.rejects ? createWriteStream(flags.rejects) : undefined;
      const progress = progressReporter();
      let printed = 0;
      const summary = await withApp(config, (app) =>
        app.imports.importFiles(files, {
          onProgress: progress.update,
          onReject: async (reject) => {
            if (rejects) {
              if (!rejects.write(JSON.stringify(reject) + '\n')) await once(rejects, 'drain');
            } else if (printed++ < MAX_PRINTED_REJECTS) {
              progress.log(`rejected ${reject.file}:${reject.line} ${reject.field ?? '(line)'}: ${reject.reason}`);
            }
          },
        }),
      ).finally(async () => {
        progress.stop();
        if (rejects) await closeStream(rejects);
      });
      process.stdout.write(flags.json ? JSON.stringify(summary) + '\n' : describe(summary, flags.rejects));
      if (summary.rejected > 0) throw new CliExit(EXIT.rejected);
    });
}

function describe(s: ImportSummary, rejectsFile: string | undefined): string {
  const changed = s.entities.inserted + s.entities.updated + s.records.inserted + s.records.updated;
  const lines = [
    `imported ${s.lines} lines from ${s.files.length} file(s) in ${s.seconds.toFixed(1)} s (${Math.round(s.lines / Math.max(s.seconds, 0.001))} lines/s)`,
    `  entities: ${s.entities.inserted} new, ${s.entities.updated} updated, ${s.entities.unchanged} unchanged`,
    `  records:  ${s.records.inserted} new, ${s.records.updated} updated, ${s.records.unchanged} unchanged`,
    `  rejected: ${s.rejected}${s.rejected > 0 ? (rejectsFile ? ` (see ${rejectsFile})` : ' (use --rejects FILE for all of them)') : ''}`,
  ];
  if (changed === 0 && s.rejected < s.lines) lines.push('nothing changed: every valid line was already imported');
  return lines.join('\n') + '\n';
}

/** A progress bar on a terminal; a line every few seconds otherwise (CI logs). */
function progressReporter() {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{file} [{bar}] {percentage}% | {lines} lines | ETA {eta_formatted}',
      noTTYOutput: true,
      notTTYSchedule: 5_000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: ImportProgress) {
      if (!started) {
        bar.start(p.bytesTotal, p.bytesRead, { file: p.file, lines: p.lines });
        started = true;
      }
      bar.setTotal(p.bytesTotal);
      bar.update(p.bytesRead, { file: p.file, lines: p.lines });
    },
    log(message: string) {
      process.stderr.write(`${message}\n`);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}
