/** Splitting large change sets into messages that fit a NOTIFY payload. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { splitChanges } from './peer-sync.js';

const ROOM = 7_900;

describe('splitChanges', () => {
  it('keeps a small change set whole', () => {
    const changes = { register: [randomUUID()], records: [randomUUID(), randomUUID()], cause: 'record' as const };
    expect(splitChanges(changes, ROOM)).toEqual([changes]);
  });

  it.each([
    [0, 5_000],
    [5_000, 5_000],
    [199, 1],
    [1, 0],
  ])('splits %i register and %i record changes into parts that fit, naming each entity once, in order', (registerCount, recordCount) => {
    const register = Array.from({ length: registerCount }, () => randomUUID());
    const records = Array.from({ length: recordCount }, () => randomUUID());
    const parts = splitChanges({ register, records, cause: 'import' }, ROOM);
    for (const part of parts) {
      expect(Buffer.byteLength(JSON.stringify({ changes: part }))).toBeLessThanOrEqual(ROOM);
      expect(part.cause).toBe('import');
      expect(part.register.length + part.records.length).toBeGreaterThan(0);
    }
    expect(parts.flatMap((p) => p.register)).toEqual(register);
    expect(parts.flatMap((p) => p.records)).toEqual(records);
    // Parts are nearly full: about 190 uuids each.
    expect(parts.length).toBe(Math.ceil((registerCount + recordCount) / Math.floor((ROOM - 60) / 39)));
  });
});
