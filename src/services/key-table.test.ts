import { describe, expect, it } from 'vitest';
import { EntityIdTable, KeyTable, MAX_SLOT } from './key-table.js';

describe('KeyTable', () => {
  it('agrees with a Map over many keys, replacements and misses, through growth', () => {
    const table = new KeyTable();
    const map = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      // References held in a cell (up to 25 characters), and longer ones, which go to the Map.
      const key = i % 7 === 0 ? `uscc:9144${i}` : i % 3 === 0 ? `lei:${String(i % 20_000).padStart(20, '0')}` : `hk-cr:${String(i % 30_000).padStart(22, '7')}`;
      table.set(key, i);
      map.set(key, i);
    }
    for (const key of ['名字:1', 'x'.repeat(300), 'mo-reg:12345 SO', 'a'.repeat(25), 'a'.repeat(26), 'A'.repeat(25), '-:']) {
      table.set(key, map.size);
      map.set(key, map.size);
    }
    expect(table.size).toBe(map.size);
    for (const [key, value] of map) expect(table.get(key)).toBe(value);
    for (const missing of ['', 'uscc:9144', 'uscc:91441', 'USCC:91440', 'hk-brn:1', '名字:2', 'a'.repeat(24), 'mo-reg:12345 S']) expect(table.get(missing)).toBe(map.get(missing));
  });

  it('refuses a slot it cannot hold', () => {
    const table = new KeyTable();
    table.set('uscc:1', MAX_SLOT);
    expect(table.get('uscc:1')).toBe(MAX_SLOT);
    expect(() => table.set('uscc:2', MAX_SLOT + 1)).toThrow(RangeError);
    expect(() => table.set('uscc:2', -1)).toThrow(RangeError);
  });
});

describe('EntityIdTable', () => {
  const uuid = (i: number) => `${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}-0000-8000-8000-${String(i).padStart(12, '0')}`;

  it('gives each id one slot, in the order first added, through growth', () => {
    const table = new EntityIdTable();
    for (let i = 0; i < 20_000; i++) expect(table.add(uuid(i))).toBe(i);
    for (let i = 0; i < 20_000; i += 7) expect(table.add(uuid(i))).toBe(i);
    expect(table.size).toBe(20_000);
    for (let i = 0; i < 20_000; i += 13) {
      expect(table.slotOf(uuid(i))).toBe(i);
      expect(table.idOf(i)).toBe(uuid(i));
    }
  });

  it('finds an id written in upper case, and nothing for what is not a held UUID', () => {
    const table = new EntityIdTable();
    table.add('0a1b2c3d-4e5f-8a6b-9c7d-0e1f2a3b4c5d');
    expect(table.slotOf('0A1B2C3D-4E5F-8A6B-9C7D-0E1F2A3B4C5D')).toBe(0);
    for (const other of ['', 'uscc:91440300MA5FXXXXXX', '0a1b2c3d-4e5f-8a6b-9c7d-0e1f2a3b4c5e', '0a1b2c3d-4e5f-8a6b-9c7d_0e1f2a3b4c5d', '0a1b2c3g-4e5f-8a6b-9c7d-0e1f2a3b4c5d']) {
      expect(table.slotOf(other)).toBeUndefined();
    }
    expect(() => table.add('e1')).toThrow(/not a UUID/);
  });
});
