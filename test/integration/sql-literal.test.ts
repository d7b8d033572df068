/**
 * sqlLiteral writes the values of statements that take no parameters (COPY, `Database.copyOut`): whatever a text
 * holds, the database reads it back as written, on the tier under test.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCopyRows, openDatabase, sqlLiteral, type Database } from '../../src/store/database.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('sqlLiteral', () => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    test = await createTestDatabase();
    database = await openDatabase(test.target);
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it('reads back as the text it quotes, through COPY, whatever the text holds', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }).filter((t) => !t.includes('\0')),
      fc.constantFrom("'", "''", '\\', "\\'", "E'\\n'", '$$', "'); drop table records; --", '中文 ‘引号’', '\t\n\r'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (texts) => {
        const out = await database.copyOut(`select v from unnest(array[${texts.map(sqlLiteral).join(', ')}]::text[]) with ordinality as t(v, n) order by n`);
        expect(decodeCopyRows(out).map(([v]) => v)).toEqual(texts);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses NUL, which a PostgreSQL text cannot hold', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
  });
});
