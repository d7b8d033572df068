/**
 * Import lines for tests: written to a fresh NDJSON file, and the lines tests write most (SPEC §3): a Guangdong
 * entity, and a penalty of Guangzhou's market regulator (gd-samr) about one — as an import line, or as the body
 * an officer posts to `POST /v1/records`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gbaDate } from '../../src/domain/dates.js';

export function writeLines(lines: readonly object[], name = 'lines.ndjson'): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'credence-lines-')), name);
  writeFileSync(file, lines.map((l) => JSON.stringify(l) + '\n').join(''));
  return file;
}

/** The GBA calendar day `days` before today, for lines given to processes that run on the system clock. */
export const daysAgo = (days: number): string => gbaDate(new Date(Date.now() - days * 86_400_000));

/** An active Guangdong entity with its USCC (`ref` is `uscc:…`) and one Simplified Chinese name. */
export const gdEntityLine = (ref: string, name: string) => ({
  type: 'entity',
  jurisdiction: 'GD',
  identifiers: [{ scheme: 'uscc', value: ref.slice(5) }],
  names: [{ value: name, lang: 'zh-Hans' }],
  status: 'active',
});

export interface SamrPenalty {
  sourceId: string;
  subject: string;
  decidedOn: string;
  severity: 'minor' | 'general' | 'serious';
  kinds: string[];
  summary?: string;
  /** The fine in CNY (default 300,000). */
  amount?: number;
}

/** The penalty as an officer records it. */
export function samrPenalty(p: SamrPenalty) {
  return {
    sourceId: p.sourceId,
    subject: p.subject,
    category: 'penalty',
    domain: 'market',
    severity: p.severity,
    authority: 'gd-samr',
    decisionNo: `穗市监罚〔${p.decidedOn.slice(0, 4)}〕${p.sourceId}号`,
    decidedOn: p.decidedOn,
    legalBasis: [{ instrument: '中华人民共和国行政处罚法', article: '第九条' }],
    summary: p.summary ?? '测试处罚',
    penalty: { kinds: p.kinds, amount: { value: p.amount ?? 300_000, currency: 'CNY' } },
  };
}

/** The penalty as an import line. */
export const samrPenaltyLine = (p: SamrPenalty) => ({ type: 'record', ...samrPenalty(p) });
