/**
 * Index snapshots (docs/architecture.md, "Start-up and index snapshots"): on the embedded database, a node that
 * closes cleanly writes its search and check indexes to files beside the database, and its next start loads them
 * instead of rebuilding them from the register (about 40 and 50 s at 1.3 million entities). A snapshot is used only
 * when nothing can have changed since it was written:
 *
 * - the database's write position (`writePosition`) is the one it was written at, with nothing in progress then;
 * - the code is the same: a hash of the sources and the locked dependencies, so an upgrade rebuilds;
 * - its own key matches (the check index's is the active pack's content).
 *
 * A snapshot is removed when it is read, used or not, so it serves one start: a process that dies leaves none and
 * the next start rebuilds. Only on PGlite, where the node's one process owns the database: on PostgreSQL other
 * processes write too, and an index may lag their changes when this one closes.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { writePosition, type Db } from '../store/database.js';

/** The typed arrays a snapshot holds, by the name its file records them under. */
const ARRAY_TYPES = { Uint8Array, Uint16Array, Int32Array, Uint32Array, Float64Array } as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type ArrayType = (typeof ARRAY_TYPES)[ArrayTypeName];
export type SnapshotArray = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** An index as written: metadata as JSON, and typed arrays, which are read back as views on the file's bytes. */
export interface Snapshot {
  readonly meta: Record<string, unknown>;
  readonly arrays: readonly SnapshotArray[];
}

/**
 * A snapshot's arrays, checked to be `types` in that order; throws naming `what` when they are not.
 *
 * @example const [ids, cells] = arraysOf(snapshot, [Uint32Array, Int32Array], 'a check index snapshot');
 */
export function arraysOf<const T extends readonly ArrayType[]>(snapshot: Snapshot, types: T, what: string): { [K in keyof T]: InstanceType<T[K]> } {
  const { arrays } = snapshot;
  if (arrays.length !== types.length || arrays.some((array, i) => !(array instanceof types[i]!))) throw new Error(`not ${what} of this format`);
  return arrays as unknown as { [K in keyof T]: InstanceType<T[K]> };
}

/** An index that can be written and loaded: its file name, what else its snapshot depends on, and the two ways. */
export interface Snapshotted {
  readonly name: string;
  /** What the index depends on beyond the register and the code (the check index: the active pack). */
  key(): string;
  /** A snapshot of the index when it is built and current, else undefined (nothing is written). */
  snapshot(): Snapshot | undefined;
  /** Makes the loaded snapshot the index in use. */
  restore(snapshot: Snapshot): void;
}

/** First bytes of a snapshot file; the digit is the container format's version. */
const MAGIC = 'CREDIDX1';
/** A snapshot file's name: the index's, then this. */
const SUFFIX = '.snapshot';
/** Arrays start at multiples of this, so that every typed array can view the file's bytes in place. */
const ALIGN = 8;

export class IndexSnapshots {
  /** Each snapshot file in the directory by index name, read from construction on, to overlap opening the database. */
  private readonly files: Promise<Map<string, Promise<{ bytes: Buffer } | { error: unknown }>>>;
  /** The database, and its write position when it was opened, before this process wrote anything. */
  private database: { db: Db; position: string } | undefined;

  /** Snapshots kept in `dir`: the files there start being read at once. */
  constructor(
    private readonly dir: string,
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
  ) {
    this.files = readdir(dir).then(
      (names) =>
        new Map(
          names
            .filter((name) => name.endsWith(SUFFIX))
            .map((name) => [name.slice(0, -SUFFIX.length), readFile(path.join(dir, name)).then((bytes) => ({ bytes }), (error: unknown) => ({ error }))]),
        ),
      () => new Map(),
    );
  }

  /** Records where the database `db` stands: call it as soon as it is open, before anything writes to it. */
  async opened(db: Db): Promise<void> {
    this.database = { db, position: (await writePosition(db)).position };
  }

  /**
   * Loads each index's snapshot when it is valid for the database as opened, then removes the snapshot files. A
   * snapshot that is stale or unreadable is logged and skipped: the index is then built as without one.
   */
  async restore(indexes: readonly Snapshotted[]): Promise<void> {
    const files = await this.files;
    for (const index of indexes) {
      const started = performance.now();
      const read = await files.get(index.name);
      if (!read) continue;
      try {
        if ('error' in read) throw read.error;
        const { key, snapshot } = readSnapshot(read.bytes);
        if (key !== (await this.key(index, this.opening().position))) {
          this.logger.info({ index: index.name }, 'index snapshot is stale (the database, code or pack changed since): building the index');
          continue;
        }
        index.restore(snapshot);
        this.logger.info({ index: index.name, bytes: read.bytes.length, ms: Math.round(performance.now() - started) }, 'index loaded from its snapshot');
      } catch (error) {
        this.logger.warn({ index: index.name, err: error }, 'index snapshot could not be loaded: building the index');
      }
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * Writes a snapshot of each index that is built and current, for the database as it is now: call it when this
   * process has stopped writing (at close, before the database closes). Nothing is written while a transaction is
   * in progress, since its changes could not be told apart afterwards. A failure is logged, not thrown.
   */
  async save(indexes: readonly Snapshotted[]): Promise<void> {
    const { position, quiet } = await writePosition(this.opening().db);
    if (!quiet) {
      this.logger.warn('a transaction is in progress: index snapshots not written');
      return;
    }
    for (const index of indexes) {
      const started = performance.now();
      const file = this.file(index.name);
      try {
        const snapshot = index.snapshot();
        if (!snapshot) continue;
        await mkdir(this.dir, { recursive: true });
        const bytes = await writeSnapshot(`${file}.tmp`, await this.key(index, position), snapshot);
        await rename(`${file}.tmp`, file);
        this.logger.info({ index: index.name, bytes, ms: Math.round(performance.now() - started) }, 'index snapshot written');
      } catch (error) {
        // Closing goes on: the next start builds the index.
        this.logger.warn({ index: index.name, err: error }, 'index snapshot could not be written');
        await rm(`${file}.tmp`, { force: true });
      }
    }
  }

  private file(name: string): string {
    return path.join(this.dir, `${name}${SUFFIX}`);
  }

  private opening(): { db: Db; position: string } {
    if (!this.database) throw new Error('IndexSnapshots.opened() was not called');
    return this.database;
  }

  private async key(index: Snapshotted, position: string): Promise<string> {
    return JSON.stringify({ position, code: await codeHash(), index: index.key() });
  }
}

/** Writes the container ({@link snapshotBytes}) to `file`; resolves to its size. */
async function writeSnapshot(file: string, key: string, snapshot: Snapshot): Promise<number> {
  const parts = snapshotBytes(key, snapshot);
  const handle = await open(file, 'w');
  try {
    await handle.writev(parts);
  } finally {
    await handle.close();
  }
  return parts.reduce((sum, part) => sum + part.length, 0);
}

/**
 * A snapshot as its file holds it, in parts to write one after the other: magic, header length, header JSON
 * (key, metadata, each array's type and length), then the arrays, each at a multiple of 8 bytes.
 */
export function snapshotBytes(key: string, { meta, arrays }: Snapshot): Uint8Array[] {
  const header = Buffer.from(JSON.stringify({ key, meta, arrays: arrays.map((a) => ({ type: typeName(a), length: a.length })) }));
  const start = Buffer.alloc(MAGIC.length + 4);
  start.write(MAGIC, 'latin1');
  start.writeUInt32LE(header.length, MAGIC.length);
  const parts: Uint8Array[] = [start, header];
  let offset = start.length + header.length;
  for (const array of [null, ...arrays]) {
    const pad = (ALIGN - (offset % ALIGN)) % ALIGN;
    if (pad > 0) parts.push(new Uint8Array(pad));
    offset += pad;
    if (array === null) continue;
    parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    offset += array.byteLength;
  }
  return parts;
}

/** Reads what {@link snapshotBytes} wrote; the arrays are views on `bytes` (copied once if misaligned). */
export function readSnapshot(bytes: Buffer): { key: string; snapshot: Snapshot } {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not an index snapshot of this format');
  const aligned = bytes.byteOffset % ALIGN === 0 ? bytes : Buffer.from(Uint8Array.from(bytes).buffer);
  const headerLength = aligned.readUInt32LE(MAGIC.length);
  let offset = MAGIC.length + 4;
  const header = JSON.parse(aligned.toString('utf8', offset, offset + headerLength)) as {
    key: string;
    meta: Record<string, unknown>;
    arrays: { type: ArrayTypeName; length: number }[];
  };
  offset += headerLength;
  const arrays = header.arrays.map(({ type, length }) => {
    const Type = ARRAY_TYPES[type];
    offset += (ALIGN - (offset % ALIGN)) % ALIGN;
    const byteLength = length * Type.BYTES_PER_ELEMENT;
    if (offset + byteLength > aligned.length) throw new Error('index snapshot is truncated');
    const array: SnapshotArray = new Type(aligned.buffer as ArrayBuffer, aligned.byteOffset + offset, length);
    offset += byteLength;
    return array;
  });
  return { key: header.key, snapshot: { meta: header.meta, arrays } };
}

function typeName(array: SnapshotArray): ArrayTypeName {
  const name = array.constructor.name;
  if (!(name in ARRAY_TYPES)) throw new Error(`an index snapshot cannot hold a ${name}`);
  return name as ArrayTypeName;
}

let code: Promise<string> | undefined;

/**
 * A hash of what an index's content follows from besides the data: every source file under `src/` (evaluation,
 * name analysis, the index layouts) and the locked dependency versions (Chinese script conversion among them).
 */
function codeHash(): Promise<string> {
  code ??= (async () => {
    const src = fileURLToPath(new URL('../', import.meta.url));
    const hash = createHash('sha256');
    const files = (await readdir(src, { recursive: true })).filter((f) => /\.(ts|js|json|yaml)$/.test(f)).sort();
    for (const file of [...files.map((f) => path.join(src, f)), path.join(src, '../package-lock.json')]) {
      hash.update(file.slice(src.length)).update('\0');
      hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
    }
    return hash.digest('hex');
  })();
  return code;
}
