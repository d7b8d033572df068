/**
 * An index snapshot as data: JSON-able metadata and typed arrays, and the bytes a file holds it in — a small header,
 * then each array at a multiple of 8 bytes, so that reading it back makes views on the file's bytes, not copies. Both
 * in-memory indexes write themselves in this shape (the check index, the name index); services/index-snapshots.ts
 * writes and reads the files and decides when a snapshot may be used.
 */

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

/** First bytes of a snapshot file; the digit is the container format's version. */
const MAGIC = 'CREDIDX1';
/** Arrays start at multiples of this, so that every typed array can view the file's bytes in place. */
const ALIGN = 8;

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
