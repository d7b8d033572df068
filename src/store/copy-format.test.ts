import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCopyRows, encodeCopyRow } from './database.js';

describe('COPY text format', () => {
  it('reads back what it writes, whatever the text holds', () => {
    const field = fc.oneof(fc.constant(null), fc.string(), fc.constantFrom('\\', '\\N', '\t', '\n', '\r', 'a\\tb', ''));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 20 }), (rows) => {
        expect(decodeCopyRows(rows.map(encodeCopyRow).join(''))).toEqual(rows);
      }),
    );
  });

  it("undoes PostgreSQL's escapes of control characters", () => {
    expect(decodeCopyRows('a\\bb\\fc\\vd\tx\n')).toEqual([['a\bb\fc\vd', 'x']]);
  });
});
