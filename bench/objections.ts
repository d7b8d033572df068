/**
 * Objections filed concurrently over HTTP (issue 4): N objections (default 10,000), each about its own record
 * (ten records for each of N/10 demo entities, each entity with its own key), all in flight at once against a real server on 127.0.0.1 (PGlite), plus a retry of every tenth with the same
 * Idempotency-Key. Afterwards: none lost, none duplicated, the audit chain intact. Baseline in the same run:
 * the same requests answered by a bare Fastify route that does nothing.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { gbaDate } from '../src/domain/dates.js';
import { generateDemoData } from '../src/domain/demo-data/index.js';
import { buildHttpServer } from '../src/http/server.js';
import { queryRows } from '../src/store/database.js';
import { printTable } from './table.js';

const RECORDS_PER_ENTITY = 10;
/** Sockets the client keeps open: requests beyond them queue in the client, all issued at once. */
const SOCKETS = 128;

interface Filing {
  body: string;
  key: string;
  authorization: string;
}

interface Sent {
  status: number;
  body: string;
}

function post(agent: http.Agent, url: URL, body: string, headers: Record<string, string>): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Fires every request at once; returns the answers and the wall time. */
async function fire(base: string, requests: Filing[]): Promise<{ answers: Sent[]; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS });
  const url = new URL('/v1/objections', base);
  const started = process.hrtime.bigint();
  const answers = await Promise.all(requests.map((r) => post(agent, url, r.body, { authorization: r.authorization, 'idempotency-key': r.key })));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { answers, seconds };
}

export async function objectionsBench(options: { objections: number }): Promise<void> {
  const n = options.objections;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-bench-objections-'));
  const app = await buildApp(
    { ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent', CREDENCE_KEY_FILE: path.join(dir, 'node-keys.json') }), database: { kind: 'pglite', dataDir: path.join(dir, 'db') } },
    { logger: pino({ level: 'silent' }) },
  );
  try {
    // Demo entities, each with ten minor penalties decided five days ago: each can be objected to.
    const today = gbaDate(new Date());
    const decidedOn = gbaDate(new Date(Date.now() - 5 * 86_400_000));
    const subjects: string[] = [];
    const file = path.join(dir, 'records.ndjson');
    const out = createWriteStream(file);
    for (const line of generateDemoData({ node: 'gd', entities: Math.ceil(n / RECORDS_PER_ENTITY), seed: 5, today })) {
      if (line.type !== 'entity') continue;
      out.write(JSON.stringify(line) + '\n');
      subjects.push(`${line.identifiers[0]!.scheme}:${line.identifiers[0]!.value}`);
    }
    for (let i = 0; i < n; i++) {
      out.write(
        JSON.stringify({
          type: 'record',
          sourceId: `OBJ-${i}`,
          subject: subjects[Math.floor(i / RECORDS_PER_ENTITY)],
          category: 'penalty',
          domain: 'market',
          severity: 'minor',
          authority: 'gd-samr',
          decisionNo: `穗市监罚〔2026〕${i}号`,
          decidedOn,
          legalBasis: [{ instrument: '中华人民共和国行政处罚法', article: '第九条' }],
          summary: '警告',
          penalty: { kinds: ['warning'] },
          status: 'active',
        }) + '\n',
      );
    }
    out.end();
    await once(out, 'finish');
    await app.imports.importFiles([file]);
    const keys = new Map<string, string>();
    for (const subject of subjects) keys.set(await app.entities.resolve(subject), `Bearer ${(await app.keys.create({ role: 'entity', label: 'bench', entity: subject }, 'bench')).key}`);
    const ids = await queryRows<{ id: number | string; entity_id: string }>(app.database.db, sql`select id, entity_id from records where source_id like 'OBJ-%' order by id`);
    const requests = ids.map((r, i) => ({ body: JSON.stringify({ subject: { record: Number(r.id) }, grounds: `objection ${i}` }), key: `k-${i}`, authorization: keys.get(r.entity_id)! }));
    const retries = requests.filter((_, i) => i % 10 === 0);

    const server = await buildHttpServer(app);
    const base = await server.listen({ host: '127.0.0.1', port: 0 });
    const filed = await fire(base, [...requests, ...retries]);
    await server.close();

    const bare = Fastify();
    bare.post('/v1/objections', async (_request, reply) => reply.code(201).send({ id: 'x' }));
    const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
    const baseline = await fire(bareBase, [...requests, ...retries]);
    await bare.close();

    const failed = filed.answers.filter((a) => a.status !== 200 && a.status !== 201);
    const [row] = await queryRows<{ objections: number | string; subjects: number | string; disputed: number | string; audited: number | string }>(
      app.database.db,
      sql`select (select count(*) from objections) as objections, (select count(distinct subject) from objections) as subjects,
        (select count(*) from records where disputed and source_id like 'OBJ-%') as disputed, (select count(*) from audit_log where action = 'objection.file') as audited`,
    );
    const verdict = await app.audit.verify();
    const total = requests.length + retries.length;
    printTable(`${n.toLocaleString('en-US')} objections filed at once over HTTP (+${retries.length.toLocaleString('en-US')} retries with the same Idempotency-Key), ${subjects.length.toLocaleString('en-US')} entities, PGlite, ${SOCKETS} sockets`, [
      { run: 'bare Fastify, same requests (baseline)', 'requests/s': total / baseline.seconds, seconds: baseline.seconds, ratio: 1 },
      { run: 'POST /v1/objections', 'requests/s': total / filed.seconds, seconds: filed.seconds, ratio: baseline.seconds / filed.seconds },
    ]);
    printTable('after the run (goal: none lost, none duplicated, audit chain intact)', [
      { check: 'answers other than 200/201', value: failed.length, expected: 0 },
      { check: 'objections stored', value: Number(row!.objections), expected: n },
      { check: 'distinct subjects', value: Number(row!.subjects), expected: n },
      { check: 'records disputed', value: Number(row!.disputed), expected: n },
      { check: 'objection.file audit entries', value: Number(row!.audited), expected: n },
      { check: 'audit chain', value: verdict.ok ? `intact (${verdict.entries} entries)` : `BROKEN at ${verdict.seq}`, expected: 'intact' },
    ]);
    if (failed.length > 0) process.stdout.write(`first failure: ${failed[0]!.status} ${failed[0]!.body.slice(0, 300)}\n`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
