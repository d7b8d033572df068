/**
 * Import against a real database (PGlite or PostgreSQL, per TEST_DB): every reject reason, idempotent
 * re-import, updates, CSV, the audit chain, and the exact final state.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/store/database.js';
import type { Reject } from '../../src/domain/import-plan.js';
import { ChangeFeed, type EntityChanges } from '../../src/services/changes.js';
import { ImportService } from '../../src/services/import/import-service.js';
import { TEST_NOW, createTestApp, type TestApp } from '../support/app.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);

async function tableCounts(t: TestApp) {
  const [row] = await queryRows<Record<string, number | string>>(
    t.app.database.db,
    sql`select (select count(*) from entities) as entities, (select count(*) from identifiers) as identifiers,
               (select count(*) from entity_names) as names, (select count(*) from entity_relations) as relations,
               (select count(*) from records) as records, (select count(*) from audit_log) as audit`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

/** A one-line file holding record R-7 of rejects.ndjson with `changes` applied. */
function recordFile(changes: Record<string, unknown>): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'credence-import-')), 'record.ndjson');
  const line = {
    type: 'record', sourceId: 'R-7', subject: 'uscc:9144030071526726XG', category: 'commendation', domain: 'market',
    authority: 'gd-samr', decisionNo: '7', decidedOn: '2026-03-01', legalBasis: [{ instrument: 'a', article: 'b' }],
    summary: 'accepted', ...changes,
  };
  writeFileSync(file, JSON.stringify(line) + '\n');
  return file;
}

describe('import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('imports a register and reports what it did', async () => {
    const summary = await t.app.imports.importFiles([fixture('register.ndjson')]);
    expect(summary).toMatchObject({
      lines: 7,
      entities: { inserted: 4, updated: 0, unchanged: 0 },
      records: { inserted: 3, updated: 0, unchanged: 0 },
      rejected: 0,
    });
    expect(await tableCounts(t)).toEqual({ entities: 4, identifiers: 5, names: 6, relations: 1, records: 3, audit: 1 });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await tableCounts(t);
    const summary = await t.app.imports.importFiles([fixture('register.ndjson')]);
    expect(summary.entities).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    expect(summary.records).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('rejects bad lines whole, with line, field and reason, and imports the rest', async () => {
    const rejects: Reject[] = [];
    const summary = await t.app.imports.importFiles([fixture('rejects.ndjson')], { onReject: (r) => void rejects.push(r) });
    expect(summary.rejected).toBe(8);
    expect(summary.records.inserted).toBe(1);
    const byLine = Object.fromEntries(rejects.map((r) => [r.line, r]));
    expect(byLine[1]).toMatchObject({ field: 'identifiers.0.value', reason: expect.stringMatching(/individual business/i) });
    expect(byLine[2]).toMatchObject({ field: 'category' });
    expect(byLine[3]).toMatchObject({ field: 'legalRepresentative', reason: expect.stringContaining('closed') });
    expect(byLine[4]).toMatchObject({ field: 'subject', reason: expect.stringMatching(/check character/) });
    expect(byLine[5]).toMatchObject({ field: 'subject', reason: expect.stringContaining('unknown entity uscc:91440300568520498A') });
    expect(byLine[6]).toMatchObject({ field: 'decidedOn', reason: expect.stringContaining('after today') });
    expect(byLine[7]).toMatchObject({ field: 'legalBasis', reason: expect.stringContaining('legal-basis') });
    expect(byLine[8]).toMatchObject({ field: null, reason: expect.stringContaining('not valid JSON') });
    const [stored] = await queryRows<{ summary: string }>(t.app.database.db, sql`select summary from records where source_id = 'R-7'`);
    expect(stored?.summary).toBe('accepted');
  });

  it('updates a changed record in place and records it in the audit chain', async () => {
    const file = recordFile({ summary: 'corrected summary', status: 'corrected' });
    const [before] = await queryRows<{ id: number }>(t.app.database.db, sql`select id from records where source_id = 'R-7'`);
    const summary = await t.app.imports.importFiles([file]);
    expect(summary.records).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const [after] = await queryRows<{ id: number; summary: string; status: string }>(
      t.app.database.db,
      sql`select id, summary, status from records where source_id = 'R-7'`,
    );
    expect(after).toMatchObject({ id: before!.id, summary: 'corrected summary', status: 'corrected' });
    const verdict = await t.app.audit.verify();
    expect(verdict).toMatchObject({ ok: true, entries: 3 });
  });

  it('imports CSV with a dotted-path header into the same shape', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-csv-'));
    const file = path.join(dir, 'lines.csv');
    writeFileSync(
      file,
      [
        'type,jurisdiction,identifiers.0.scheme,identifiers.0.value,names.0.value,names.0.lang,names.1.value,names.1.lang,status,sourceId,subject,category,domain,severity,authority,decisionNo,decidedOn,legalBasis.0.instrument,legalBasis.0.article,summary,penalty.kinds,penalty.amount.value,penalty.amount.currency',
        'entity,MO,mo-reg,12345,澳門水務有限公司,zh-Hant,"Sociedade de Abastecimento de Águas de Macau, S.A.",pt,active,,,,,,,,,,,,,,',
        'record,,,,,,,,,MO-DSAL-2026-1,mo-reg:12345,penalty,labour,general,mo-dsal,"Proc. 1/2026",2026-05-01,Lei n.º 7/2008,artigo 85.º,"Multa por atraso, salários",fine|confiscation,20000,MOP',
        'record,,,,,,,,,MO-DSAL-2026-2,mo-reg:12345,penalty,labour,general,mo-dsal,2,2026-05-01,Lei,art,s,fine,lots,MOP',
      ].join('\n') + '\n',
    );
    const rejects: Reject[] = [];
    const summary = await t.app.imports.importFiles([file], { onReject: (r) => void rejects.push(r) });
    expect(summary.entities.inserted).toBe(1);
    expect(summary.records.inserted).toBe(1);
    expect(rejects).toEqual([expect.objectContaining({ line: 4, field: 'penalty.amount.value' })]);
    const entity = await t.app.entities.get('mo-reg:12345');
    expect(entity.names.map((n) => n.value)).toContain('Sociedade de Abastecimento de Águas de Macau, S.A.');
    const page = await t.app.entities.records('mo-reg:12345', { limit: 10 });
    expect(page.items[0]).toMatchObject({ summary: 'Multa por atraso, salários', details: { penalty: { kinds: ['fine', 'confiscation'], amount: { value: 20000, currency: 'MOP' } } } });
  });

  it('tells listeners which entities each committed batch changed, including the former subject of a record', async () => {
    const changed: EntityChanges[] = [];
    const changes = new ChangeFeed();
    changes.subscribe(async (c) => void changed.push({ ...c, records: [...c.records].sort() }));
    const imports = new ImportService({
      database: t.app.database,
      node: 'gd',
      identifierRules: t.app.config.identifierRules,
      clock: () => TEST_NOW,
      batchSize: 1_000,
      changes,
    });
    const file = recordFile({ subject: 'uscc:914403001922038216', summary: 'moved to the right entity' });
    await imports.importFiles([file]);
    const tencent = (await t.app.entities.get('uscc:9144030071526726XG')).id;
    const huawei = (await t.app.entities.get('uscc:914403001922038216')).id;
    expect(changed).toEqual([{ register: [], records: [huawei, tencent].sort(), cause: 'import' }]);
    await imports.importFiles([file]);
    expect(changed).toHaveLength(1);
  });

  it('refuses to touch the audit log through SQL', async () => {
    await expect(t.app.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(t.app.database.db.execute(sql`update audit_log set actor = 'someone else'`)).rejects.toThrow();
  });
});
