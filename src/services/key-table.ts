/**
 * Compact maps to slot numbers for the check index, where a `Map<string, number>` of a million keys would cost
 * about 100 bytes a key (entry, hash table, string object) and a lookup would chase pointers.
 *
 * `KeyTable` maps `scheme:value` references to slots. A reference of up to 25 characters from
 * `[0-9A-Za-z:-]` (every normalised reference the identifier rules produce) is held inside its table cell, 6 bits
 * a character: six 32-bit words a key, about 36 bytes a key with the table's free cells, and one cache line to
 * read per lookup. Other keys go to a `Map`. `EntityIdTable` does the same for UUIDs, held as four words.
 */
/** Characters one cell holds: five words of five 6-bit characters. */
const MAX_INLINE = 25;
/** Words a cell takes: the key's five, then its length (5 bits) above its value (26 bits); 0 marks an empty cell. */
const WORDS = 6;
const VALUE_BITS = 26;
/** Most slots a cell can hold. */
export const MAX_SLOT = (1 << VALUE_BITS) - 1;
/** The table grows by half when it would be fuller than this. */
const MAX_LOAD = 0.7;
/** Character code → 6-bit code, or -1 for a character a cell cannot hold. */
const CODES = (() => {
  const codes = new Int8Array(128).fill(-1);
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:-';
  for (let i = 0; i < alphabet.length; i++) codes[alphabet.charCodeAt(i)] = i;
  return codes;
})();

export class KeyTable {
  /** `capacity` cells of `WORDS` words. */
  private table: Int32Array = new Int32Array(WORDS * 1024);
  private capacity = 1024;
  private entries = 0;
  /** The key being looked up, encoded. */
  private readonly probe = new Int32Array(WORDS - 1);
  private readonly others = new Map<string, number>();

  /** Number of keys. */
  get size(): number {
    return this.entries + this.others.size;
  }

  /** The table as an index snapshot holds it: its cells, and the keys kept outside them. */
  snapshot(): { table: Int32Array; others: [string, number][] } {
    return { table: this.table, others: [...this.others] };
  }

  /** A table from its {@link KeyTable.snapshot}, using `table` in place. */
  static load({ table, others }: { table: Int32Array; others: [string, number][] }): KeyTable {
    const loaded = new KeyTable();
    loaded.table = table;
    loaded.capacity = table.length / WORDS;
    for (let at = WORDS - 1; at < table.length; at += WORDS) if (table[at] !== 0) loaded.entries++;
    for (const [key, value] of others) loaded.others.set(key, value);
    return loaded;
  }

  /** The slot of `key`, if set. */
  get(key: string): number | undefined {
    if (!encode(key, this.probe)) return this.others.get(key);
    const at = this.find(this.probe, key.length);
    const held = this.table[at + WORDS - 1]!;
    return held === 0 ? undefined : held & MAX_SLOT;
  }

  /** Sets (or replaces) the slot of `key`; slots go up to `MAX_SLOT`. */
  set(key: string, value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > MAX_SLOT) throw new RangeError(`slot ${value} is outside 0..${MAX_SLOT}`);
    if (!encode(key, this.probe)) {
      this.others.set(key, value);
      return;
    }
    let at = this.find(this.probe, key.length);
    if (this.table[at + WORDS - 1] === 0) {
      if (this.entries + 1 > MAX_LOAD * this.capacity) {
        this.resize(Math.ceil(this.capacity * 1.5));
        at = this.find(this.probe, key.length);
      }
      this.table.set(this.probe, at);
      this.entries++;
    }
    this.table[at + WORDS - 1] = (key.length << VALUE_BITS) | value;
  }

  /** The word offset of the cell holding the key encoded in `words[0..5]` with `length` characters, or of the empty cell where it would go. */
  private find(words: Int32Array, length: number): number {
    const table = this.table;
    const end = WORDS * this.capacity;
    // Multiply-shift onto [0, capacity): the capacity need not be a power of two.
    let at = WORDS * Math.floor((mixKey(words) / 4294967296) * this.capacity);
    for (;;) {
      const last = table[at + WORDS - 1]!;
      if (last === 0) return at;
      if (last >>> VALUE_BITS === length && table[at] === words[0] && table[at + 1] === words[1] && table[at + 2] === words[2] && table[at + 3] === words[3] && table[at + 4] === words[4]) {
        return at;
      }
      at += WORDS;
      if (at === end) at = 0;
    }
  }

  private resize(capacity: number): void {
    const old = this.table;
    this.table = new Int32Array(WORDS * capacity);
    this.capacity = capacity;
    const words = new Int32Array(WORDS - 1);
    for (let at = 0; at < old.length; at += WORDS) {
      const last = old[at + WORDS - 1]!;
      if (last === 0) continue;
      words.set(old.subarray(at, at + WORDS - 1));
      this.table.set(old.subarray(at, at + WORDS), this.find(words, last >>> VALUE_BITS));
    }
  }
}

/** Encodes `key` into `into[0..5]`, five characters a word; false when a cell cannot hold it. */
function encode(key: string, into: Int32Array): boolean {
  const length = key.length;
  if (length === 0 || length > MAX_INLINE) return false;
  into.fill(0);
  for (let k = 0; k < length; k++) {
    const c = key.charCodeAt(k);
    const code = c < 128 ? CODES[c]! : -1;
    if (code < 0) return false;
    const w = (k / 5) | 0;
    into[w] = into[w]! | (code << (6 * (k - 5 * w)));
  }
  return true;
}

/** A 32-bit hash (as an unsigned number) of an encoded key. */
function mixKey(words: Int32Array): number {
  let h = 0x811c9dc5;
  for (let w = 0; w < WORDS - 1; w++) h = Math.imul(h ^ words[w]!, 0x9e3779b1) ^ (h >>> 15);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Entity ids (UUIDs) ↔ slot numbers, for the check index: each id held once, as four 32-bit words in slot order,
 * and found through an open-addressing table of slot numbers that compares those words, so an id costs 16 bytes
 * plus about 8 of table instead of its 36 characters in a `KeyTable`.
 */
export class EntityIdTable {
  /** Slot → the id's four words. */
  private ids: Uint32Array = new Uint32Array(4 * 1024);
  /** Slot + 1 per cell, 0 for an empty cell; a power of two, at most half full. */
  private table: Int32Array = new Int32Array(2048);
  private count = 0;
  /** The words of the id being looked up. */
  private readonly probe = new Uint32Array(4);

  /** Number of ids. */
  get size(): number {
    return this.count;
  }

  /** The table as an index snapshot holds it: the ids in slot order, and the hash table over them. */
  snapshot(): { ids: Uint32Array; table: Int32Array } {
    return { ids: this.ids.subarray(0, 4 * this.count), table: this.table };
  }

  /** A table from its {@link EntityIdTable.snapshot}, using the arrays in place. */
  static load({ ids, table }: { ids: Uint32Array; table: Int32Array }): EntityIdTable {
    const loaded = new EntityIdTable();
    loaded.ids = ids;
    loaded.table = table;
    loaded.count = ids.length / 4;
    return loaded;
  }

  /** The slot of `id`, if held; undefined too for a string that is not a UUID. */
  slotOf(id: string): number | undefined {
    if (!readUuid(id, this.probe, 0)) return undefined;
    const held = this.table[this.find(this.probe, 0)]!;
    return held === 0 ? undefined : held - 1;
  }

  /** The slot of `id`, which becomes the next slot if it is new. Throws for a string that is not a UUID. */
  add(id: string): number {
    if (!readUuid(id, this.probe, 0)) throw new Error(`not a UUID: "${id}"`);
    const held = this.table[this.find(this.probe, 0)]!;
    if (held !== 0) return held - 1;
    const slot = this.count++;
    if (4 * this.count > this.ids.length) {
      const bigger = new Uint32Array(Math.max(4 * 1024, 2 * this.ids.length));
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids.set(this.probe, 4 * slot);
    if (2 * this.count > this.table.length) this.rehash(2 * this.table.length);
    this.table[this.find(this.ids, 4 * slot)] = slot + 1;
    return slot;
  }

  /** The id in `slot` (lower-case hex). */
  idOf(slot: number): string {
    const hex = Array.from(this.ids.subarray(4 * slot, 4 * slot + 4), (w) => w.toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** The cell holding the slot whose id is `words[at..at+4]`, or the empty cell where it would go. */
  private find(words: Uint32Array, at: number): number {
    const mask = this.table.length - 1;
    const ids = this.ids;
    for (let cell = mixWords(words, at) & mask; ; cell = (cell + 1) & mask) {
      const held = this.table[cell]!;
      if (held === 0) return cell;
      const o = 4 * (held - 1);
      if (ids[o] === words[at] && ids[o + 1] === words[at + 1] && ids[o + 2] === words[at + 2] && ids[o + 3] === words[at + 3]) return cell;
    }
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let slot = 0; slot < this.count; slot++) this.table[this.find(this.ids, 4 * slot)] = slot + 1;
  }
}

/** Reads a UUID (`8-4-4-4-12` hex digits, either case) as four 32-bit words into `into[at..at+4]`; false if `id` is not one. */
function readUuid(id: string, into: Uint32Array, at: number): boolean {
  if (id.length !== 36) return false;
  let word = 0;
  let digits = 0;
  for (let k = 0; k < 36; k++) {
    const c = id.charCodeAt(k);
    if (k === 8 || k === 13 || k === 18 || k === 23) {
      if (c !== 0x2d) return false;
      continue;
    }
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
    if (v < 0) return false;
    word = (word << 4) | v;
    if (++digits % 8 === 0) {
      into[at + digits / 8 - 1] = word;
      word = 0;
    }
  }
  return true;
}

/** A hash of four words mixed so that ids differing only in their last digits spread over the table. */
function mixWords(words: Uint32Array, at: number): number {
  let h = Math.imul(words[at]! ^ Math.imul(words[at + 1]!, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ words[at + 2]!, 0xc2b2ae35) ^ words[at + 3]!;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
