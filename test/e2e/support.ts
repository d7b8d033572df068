/**
 * What the browser tests share: a real Credence server on 127.0.0.1 with Guangdong demo data (PGlite, fixed
 * clock), Debian Chromium driven by playwright-core, an axe-core check at WCAG 2.1 A/AA, screenshots and a
 * watch on console errors.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Clock } from '../../src/domain/dates.js';
import type { EntityLineInput } from '../../src/domain/interchange.js';
import { generateDemoData } from '../../src/domain/demo-data/index.js';
import { buildHttpServer } from '../../src/http/server.js';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.js';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface DemoServer extends TestApp {
  url: string;
  /** The generated entity lines, in import order. */
  entities: EntityLineInput[];
}

/**
 * A server with `count` demo entities of Guangdong imported, warmed (search and check indexes built), listening.
 * @param clock the app's clock, for journeys that file a case in the past (overdue); default fixed at `TEST_NOW`.
 */
export async function startDemoServer(count: number, clock: Clock = () => TEST_NOW): Promise<DemoServer> {
  const t = await createTestApp({}, clock);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-e2e-'));
  try {
    const lines = [...generateDemoData({ node: 'gd', entities: count, seed: 44, today: TEST_NOW.toISOString().slice(0, 10) })];
    const file = path.join(dir, 'gd.ndjson');
    writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    await t.app.imports.importFiles([file]);
    await t.app.warm();
    const server = await buildHttpServer(t.app);
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    return {
      ...t,
      url: address,
      entities: lines.filter((line): line is EntityLineInput => line.type === 'entity'),
      async close() {
        await server.close();
        await t.close();
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000 });
}

/**
 * Runs `body` on a page in a fresh context (own storage), then expects no console error or uncaught exception
 * other than those `expected` accepts (a 404 the page shows on purpose), and closes the context.
 */
export async function withPage(
  browser: Browser,
  options: BrowserContextOptions,
  body: (page: Page) => Promise<void>,
  expected: (error: string) => boolean = () => false,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await body(page);
    expect(errors.filter((error) => !expected(error)), 'console errors').toEqual([]);
  } finally {
    await context.close();
  }
}

/** axe-core at WCAG 2.1 A and AA: fails with the rules and the offending elements when anything is found. */
export async function expectAccessible(page: Page, label: string): Promise<number> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe violations on ${label}`).toEqual([]);
  return result.passes.length;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A page state worth keeping: checked by axe-core and saved as test-results/screenshots/`name`.png. */
export async function checkpoint(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
}
