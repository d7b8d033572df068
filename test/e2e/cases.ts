/**
 * What the portal and console journeys share: keys made on the demo server, the API called with a key as
 * any client would (to set the scene and to check what the pages did), demo entities with a clean file, and
 * the SAMR penalties the journeys object to, repair and correct.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { EntityLineInput } from '../../src/domain/interchange.js';
import type { NewKey } from '../../src/services/key-service.js';
import { samrPenalty } from '../support/lines.js';
import type { DemoServer } from './support.js';

/** A client of the demo server's API holding one key. */
export type Client = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;

export async function clientFor(demo: DemoServer, key: NewKey): Promise<{ key: string; call: Client }> {
  const created = await demo.app.keys.create(key, 'e2e');
  const call: Client = async (method, path, body) => {
    const response = await fetch(demo.url + path, {
      method,
      headers: { authorization: `Bearer ${created.key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as never;
  };
  return { key: created.key, call };
}

export const refOf = (line: EntityLineInput) => `${line.identifiers[0]!.scheme}:${line.identifiers[0]!.value}`;

/** `count` demo entities with a Simplified Chinese name and nothing in their public report yet. */
export async function cleanEntities(demo: DemoServer, count: number): Promise<EntityLineInput[]> {
  const found: EntityLineInput[] = [];
  for (const line of demo.entities) {
    if (!line.names.some((n) => n.lang === 'zh-Hans')) continue;
    const report = await demo.app.reports.report(refOf(line));
    if (report.records.length === 0 && report.lists.length === 0) found.push(line);
    if (found.length === count) return found;
  }
  throw new Error(`the demo data has fewer than ${count} entities with an empty report`);
}

/** A SAMR penalty of `subject` as an officer records it; a serious one also suspends business. */
export const samrPenaltyOf = (sourceId: string, subject: string, decidedOn: string, severity: 'general' | 'serious', summary: string) =>
  samrPenalty({ sourceId, subject, decidedOn, severity, summary, kinds: severity === 'serious' ? ['fine', 'business-suspension'] : ['fine'] });

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Signs in on the sign-in page with `key`, by keyboard (type, Enter), and waits for the page of the role. */
export async function signIn(page: Page, url: string, key: string, heading: string): Promise<void> {
  await page.goto(url + '/sign-in');
  await page.getByTestId('api-key').focus();
  await page.keyboard.insertText(key);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The page does not scroll sideways (phone width). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}
