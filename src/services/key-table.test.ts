import { describe, expect, it } from 'vitest';
import { KeyTable } from './key-table.js';

describe('KeyTable', () => {
  it('agrees with a Map over many keys, replacements and misses, through growth', () => {
    const table = new KeyTable();
    const map = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const key = i % 7 === 0 ? `uscc:9144${i}` : `00000000-0000-8000-8000-${String(i % 30_000).padStart(12, '0')}`;
      table.set(key, i);
      map.set(key, i);
    }
    for (const key of ['名字:1', 'x'.repeat(300)]) {
      table.set(key, -1);
      map.set(key, -1);
    }
    expect(table.size).toBe(map.size);
    for (const [key, value] of map) expect(table.get(key)).toBe(value);
    for (const missing of ['', 'uscc:9144', 'uscc:91441', 'hk-brn:1', '名字:2']) expect(table.get(missing)).toBe(map.get(missing));
  });
});
