/**
 * Reads a policy pack directory from disk. This is the only file-system code for packs; everything it reads
 * goes through the pure `validatePack`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PolicyPackError, type PackIssue } from './pack-error.js';
import type { PolicyPack } from './pack-schema.js';
import { validatePack } from './validate-pack.js';

const PACK_FILE = /\.(ya?ml|json)$/;

/**
 * Loads, validates and cross-checks the pack in `dir` (e.g. `policies/gd`).
 * Files other than YAML or JSON (a README, say) are ignored; unparseable files and invalid packs raise a
 * `PolicyPackError` naming file, path and problem.
 * @example const pack = await loadPack('policies/gd');
 */
export async function loadPack(dir: string): Promise<PolicyPack> {
  return validatePack(await readPackFiles(dir), dir);
}

/**
 * The parsed files of the pack in `dir`, by file name, as `validatePack` takes them (not validated yet).
 * @throws PolicyPackError when a file cannot be parsed.
 * @example validatePack(await readPackFiles('policies/gd'))
 */
export async function readPackFiles(dir: string): Promise<Record<string, unknown>> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && PACK_FILE.test(e.name));
  const files: Record<string, unknown> = {};
  const issues: PackIssue[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const source = await readFile(join(dir, entry.name), 'utf8');
    try {
      // YAML 1.2 core schema: `2026-04-01` stays a string, as the schemas expect.
      files[entry.name] = entry.name.endsWith('.json') ? JSON.parse(source) : parseYaml(source, { schema: 'core', uniqueKeys: true });
    } catch (error) {
      issues.push({ file: entry.name, path: '', message: `cannot be parsed: ${(error as Error).message}` });
    }
  }
  if (issues.length > 0) throw new PolicyPackError(issues, dir);
  return files;
}
