import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sqlLiteral } from './database.js';

describe('sqlLiteral', () => {
  const db = new PGlite();
  afterAll(() => db.close());

  it('reads back in PostgreSQL as the text it quotes, whatever the text holds', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }).filter((t) => !t.includes('\0')),
      fc.constantFrom("'", "''", '\\', "\\'", "E'\\n'", '$$', "'); drop table x; --", '中文 ‘引号’'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (texts) => {
        const { rows } = await db.query<{ v: string }>(`select v from unnest(array[${texts.map(sqlLiteral).join(', ')}]::text[]) as v`);
        expect(rows.map((r) => r.v)).toEqual(texts);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses NUL, which a PostgreSQL text cannot hold', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
  });
});
