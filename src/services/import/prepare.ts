/**
 * Preparing a batch of import lines for the database, the CPU-heavy half of an import: validation,
 * content hashes and COPY encoding. It runs in a worker thread (`prepare-worker.ts`) while the main thread
 * writes the previous batch, and hands its result over as a few long strings, because copying one string
 * between threads is far cheaper than copying twenty thousand objects.
 */
import { formatIdentifier, type EntityRef, type IdentifierScheme } from '../../domain/identifiers/index.js';
import { lineHash, type Reject, type ValidLine } from '../../domain/import-plan.js';
import type { EntityLine, InterchangeSchemas } from '../../domain/interchange.js';
import { recordCopyHead, type EncodedRecord } from '../../store/import-repository.js';
import { firstProblem } from './problems.js';
import type { SourceLine } from './read-lines.js';

/** A prepared batch as it crosses threads: parallel lists joined with newlines (no value contains one). */
export interface PackedBatch {
  firstLine: number;
  lastLine: number;
  lines: number;
  bytesRead: number;
  rejects: Reject[];
  entities: { lines: number[]; hashes: string; json: string };
  records: { lines: number[]; sourceIds: string; subjects: string; hashes: string; heads: string; json: string };
}

export interface PreparedBatch {
  firstLine: number;
  lastLine: number;
  lines: number;
  bytesRead: number;
  rejects: Reject[];
  entities: ValidLine<EntityLine>[];
  records: EncodedRecord[];
}

/** Collects lines into a batch, validating and encoding each as it arrives. */
export class BatchPreparer {
  private firstLine = 0;
  private lastLine = 0;
  private count = 0;
  private rejects: Reject[] = [];
  private entities = { lines: [] as number[], hashes: [] as string[], json: [] as string[] };
  private records = { lines: [] as number[], sourceIds: [] as string[], subjects: [] as string[], hashes: [] as string[], heads: [] as string[], json: [] as string[] };

  constructor(
    private readonly lineSchema: InterchangeSchemas['line'],
    private readonly originNode: string,
  ) {}

  get size(): number {
    return this.count;
  }

  add(source: SourceLine): void {
    if (this.count++ === 0) this.firstLine = source.line;
    this.lastLine = source.line;
    if ('reject' in source) {
      this.rejects.push(source.reject);
      return;
    }
    const parsed = this.lineSchema.safeParse(source.value);
    if (!parsed.success) {
      this.rejects.push({ line: source.line, ...firstProblem(parsed.error) });
      return;
    }
    const value = parsed.data;
    const json = JSON.stringify(value);
    const hash = lineHash(value);
    if (value.type === 'entity') {
      this.entities.lines.push(source.line);
      this.entities.hashes.push(hash);
      this.entities.json.push(json);
    } else {
      const r = this.records;
      r.lines.push(source.line);
      r.sourceIds.push(value.sourceId);
      r.subjects.push(formatRef(value.subject));
      r.hashes.push(hash);
      r.heads.push(recordCopyHead(value, hash, this.originNode));
      r.json.push(json);
    }
  }

  /** The batch so far, packed for transfer; the preparer is then empty again. */
  take(bytesRead: number): PackedBatch {
    const e = this.entities;
    const r = this.records;
    const packed: PackedBatch = {
      firstLine: this.firstLine,
      lastLine: this.lastLine,
      lines: this.count,
      bytesRead,
      rejects: this.rejects,
      entities: { lines: e.lines, hashes: e.hashes.join('\n'), json: e.json.join('\n') },
      records: {
        lines: r.lines,
        sourceIds: r.sourceIds.join('\n'),
        subjects: r.subjects.join('\n'),
        hashes: r.hashes.join('\n'),
        heads: r.heads.join('\n'),
        json: r.json.join('\n'),
      },
    };
    this.count = 0;
    this.rejects = [];
    this.entities = { lines: [], hashes: [], json: [] };
    this.records = { lines: [], sourceIds: [], subjects: [], hashes: [], heads: [], json: [] };
    return packed;
  }
}

/** The main thread's view of a packed batch. */
export function unpackBatch(packed: PackedBatch): PreparedBatch {
  const split = (joined: string, count: number) => (count === 0 ? [] : joined.split('\n'));
  const e = packed.entities;
  const eHashes = split(e.hashes, e.lines.length);
  const eJson = split(e.json, e.lines.length);
  const r = packed.records;
  const n = r.lines.length;
  const [sourceIds, subjects, hashes, heads, json] = [r.sourceIds, r.subjects, r.hashes, r.heads, r.json].map((s) => split(s, n));
  return {
    firstLine: packed.firstLine,
    lastLine: packed.lastLine,
    lines: packed.lines,
    bytesRead: packed.bytesRead,
    rejects: packed.rejects,
    entities: e.lines.map((line, i) => ({ line, hash: eHashes[i]!, value: JSON.parse(eJson[i]!) as EntityLine })),
    records: r.lines.map((line, i) => ({
      line,
      sourceId: sourceIds![i]!,
      subject: parseRef(subjects![i]!),
      hash: hashes![i]!,
      head: heads![i]!,
      json: json![i]!,
    })),
  };
}

function formatRef(ref: EntityRef): string {
  return ref.kind === 'id' ? ref.id : formatIdentifier(ref.identifier);
}

/** Inverse of `formatRef` for values that were already validated and normalised. */
function parseRef(text: string): EntityRef {
  const colon = text.indexOf(':');
  if (colon < 0) return { kind: 'id', id: text };
  return { kind: 'identifier', identifier: { scheme: text.slice(0, colon) as IdentifierScheme, value: text.slice(colon + 1) } };
}
