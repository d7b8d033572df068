/**
 * A compact map from short ASCII strings (entity ids, `scheme:value` references) to slot numbers, for the
 * check index. A `Map<string, number>` of a million keys costs about 100 bytes a key (entry, hash table,
 * string object); this packs the keys, each behind a length byte, in one buffer and probes an
 * open-addressing table of (key offset, value) pairs: about 40 bytes a key, and two cache misses a lookup.
 * Keys that are not short ASCII (never the case for normalised references, but allowed) go to a `Map`.
 */
const MAX_KEY = 255;

export class KeyTable {
  /** Pairs (offset of the key in `bytes` + 1, value); offset 0 marks an empty cell. Capacity is a power of two. */
  private table = new Int32Array(2 << 12);
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private entries = 0;
  private readonly others = new Map<string, number>();

  /** Number of keys. */
  get size(): number {
    return this.entries + this.others.size;
  }

  /** The slot of `key`, if set. */
  get(key: string): number | undefined {
    if (!isShortAscii(key)) return this.others.get(key);
    const i = this.find(key);
    return this.table[i] === 0 ? undefined : this.table[i + 1];
  }

  /** Sets (or replaces) the slot of `key`. */
  set(key: string, value: number): void {
    if (!isShortAscii(key)) {
      this.others.set(key, value);
      return;
    }
    let i = this.find(key);
    if (this.table[i] === 0) {
      if ((this.entries + 1) * 4 > this.table.length) {
        this.rehash(this.table.length * 2);
        i = this.find(key);
      }
      if (this.used + key.length + 1 > this.bytes.length) {
        const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + key.length + 1));
        bigger.set(this.bytes);
        this.bytes = bigger;
      }
      this.bytes[this.used] = key.length;
      for (let k = 0; k < key.length; k++) this.bytes[this.used + 1 + k] = key.charCodeAt(k);
      this.table[i] = this.used + 1;
      this.used += key.length + 1;
      this.entries++;
    }
    this.table[i + 1] = value;
  }

  /** The table index of `key`'s pair, or of the empty cell where it would go. */
  private find(key: string): number {
    const mask = this.table.length / 2 - 1;
    const bytes = this.bytes;
    for (let cell = hash(key) & mask; ; cell = (cell + 1) & mask) {
      const offset = this.table[2 * cell]! - 1;
      if (offset < 0) return 2 * cell;
      if (bytes[offset] === key.length) {
        let k = 0;
        while (k < key.length && bytes[offset + 1 + k] === key.charCodeAt(k)) k++;
        if (k === key.length) return 2 * cell;
      }
    }
  }

  private rehash(size: number): void {
    const old = this.table;
    this.table = new Int32Array(size);
    const mask = size / 2 - 1;
    for (let i = 0; i < old.length; i += 2) {
      const offset = old[i]! - 1;
      if (offset < 0) continue;
      let h = 0x811c9dc5;
      for (let k = offset + 1; k <= offset + this.bytes[offset]!; k++) h = Math.imul(h ^ this.bytes[k]!, 0x01000193);
      let cell = (h >>> 0) & mask;
      while (this.table[2 * cell] !== 0) cell = (cell + 1) & mask;
      this.table[2 * cell] = old[i]!;
      this.table[2 * cell + 1] = old[i + 1]!;
    }
  }
}

function isShortAscii(key: string): boolean {
  if (key.length > MAX_KEY) return false;
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) > 0x7f) return false;
  return true;
}

/** FNV-1a over the character codes (the same as over the stored bytes, since keys are ASCII). */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h >>> 0;
}
