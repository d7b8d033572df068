/**
 * Streams the lines of an import file as plain objects, NDJSON or CSV alike, without holding the file in
 * memory. A line that cannot even be parsed comes out as a reject, never as an exception.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import type { Reject } from '../../domain/import-plan.js';

export type SourceLine = { line: number; value: unknown } | { line: number; reject: Reject };

export type ImportFormat = 'ndjson' | 'csv';

export function formatOf(file: string): ImportFormat {
  return /\.csv$/i.test(file) ? 'csv' : 'ndjson';
}

/** Reads `file`; `onBytes` reports progress as the number of bytes read so far. */
export async function* readLines(file: string, onBytes: (bytes: number) => void): AsyncGenerator<SourceLine> {
  // Created on the first `next()`, together with its consumer, so no data flows before anyone reads it.
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  const lines = formatOf(file) === 'csv' ? readCsv(stream) : readNdjson(stream);
  let bytes = 0;
  stream.on('data', (chunk) => onBytes((bytes += chunk.length)));
  yield* lines;
}

async function* readNdjson(stream: NodeJS.ReadableStream): AsyncGenerator<SourceLine> {
  let line = 0;
  for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (error) {
      yield { line, reject: { line, field: null, reason: `not valid JSON: ${(error as Error).message}` } };
    }
  }
}

/** Header cells of a CSV file are dotted paths into the NDJSON shape, e.g. `identifiers.0.value`. */
const NUMERIC_PATHS = new Set(['penalty.amount.value', 'court.amountOwed.value', 'rating.score']);
/** Cells holding a list, written `fine|confiscation`. */
const LIST_PATHS = new Set(['penalty.kinds']);

async function* readCsv(stream: NodeJS.ReadableStream): AsyncGenerator<SourceLine> {
  const parser = stream.pipe(parseCsv({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true }));
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!header) {
        header = record.map((cell) => cell.trim());
        continue;
      }
      if (record.length !== header.length) {
        yield { line, reject: { line, field: null, reason: `row has ${record.length} fields but the header has ${header.length}` } };
        continue;
      }
      yield { line, value: csvRowToObject(header, record) };
    }
  } catch (error) {
    // A malformed quote ends the CSV stream: what follows cannot be split into rows reliably.
    const line = (error as { lines?: number }).lines ?? 0;
    yield { line, reject: { line, field: null, reason: `CSV cannot be read past this line: ${(error as Error).message}` } };
  }
}

/**
 * Builds the nested object a CSV row stands for; empty cells are absent fields. Objects have no prototype,
 * so a header such as `__proto__.x` becomes an ordinary unknown field that validation rejects.
 */
export function csvRowToObject(header: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null);
  header.forEach((path, column) => {
    const cell = cells[column]!;
    if (cell === '') return;
    const value = NUMERIC_PATHS.has(path) && cell.trim() !== '' && !Number.isNaN(Number(cell))
      ? Number(cell)
      : LIST_PATHS.has(path)
        ? cell.split('|').map((v) => v.trim())
        : cell;
    const keys = path.split('.');
    let node: Record<string, unknown> = root;
    for (const [i, key] of keys.entries()) {
      if (Array.isArray(node) && !/^\d+$/.test(key)) {
        root[path] = value;
        return;
      }
      if (i === keys.length - 1) {
        node[key] = value;
        return;
      }
      node[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : Object.create(null);
      const next = node[key];
      if (typeof next !== 'object' || next === null) {
        root[path] = value;
        return;
      }
      node = next as Record<string, unknown>;
    }
  });
  return root;
}
