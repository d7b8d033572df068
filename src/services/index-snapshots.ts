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
import type { Logger } from 'pino';
import { readSnapshot, snapshotBytes, type Snapshot } from '../domain/snapshots.js';
import { CODE_DIR, ROOT } from '../paths.js';
import { writePosition, type Db } from '../store/database.js';

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

/** A snapshot file's name: the index's, then this. */
const SUFFIX = '.snapshot';

export class IndexSnapshots {
  /** Each snapshot file in the directory by index name, read from construction on, to overlap opening the database. */
  private readonly files: Promise<Map<string, Promise<{ bytes: Buffer } | { error: unknown }>>>;
  /** The database, and its write position when it was opened, before this process wrote anything. */
  private database: { db: Db; position: string } | undefined;
  /** The hash of the code ({@link codeHash}), computed while the database opens too. */
  private readonly code = codeHash();

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
    return JSON.stringify({ position, code: await this.code, index: index.key() });
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
 * A hash of what an index's content follows from besides the data: the code that runs (every source file under
 * `src/`, or the bundles in `dist/`: evaluation, name analysis, the index layouts) and the locked dependency versions
 * (Chinese script conversion among them). About 40 ms for 240 source files.
 */
async function codeHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(CODE_DIR, { recursive: true })).filter((f) => /\.(ts|m?js|json|yaml)$/.test(f)).sort();
  for (const file of [...files.map((f) => path.join(CODE_DIR, f)), path.join(ROOT, 'package-lock.json')]) {
    hash.update(path.relative(ROOT, file)).update('\0');
    hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex');
}
