/**
 * Pure validation of a policy pack: parsed file contents in, a `PolicyPack` out, or a `PolicyPackError`
 * naming every problem. No file I/O here, so tests can feed tables of bad packs directly.
 */
import type { z } from 'zod';
import { crossCheckPack, type FileNames } from './cross-check.js';
import { formatPath, PolicyPackError, type PackIssue } from './pack-error.js';
import { PACK_FILES, type PackFileStem, type PolicyPack } from './pack-schema.js';

const STEMS = Object.keys(PACK_FILES) as PackFileStem[];
const EXTENSIONS = /\.(ya?ml|json)$/;

/** Empty sections a pack may leave out (a node without recognition rules needs no recognition file). */
const DEFAULTS: Record<Exclude<PackFileStem, 'pack'>, unknown> = {
  lists: { lists: [] },
  'rating-schemes': { ratingSchemes: [] },
  publication: { regimes: [] },
  measures: { measures: [] },
  recognition: { recognition: [] },
  calendar: { calendar: { weekend: ['saturday', 'sunday'], years: {} } },
  'due-process': { dueProcess: { objections: [], repair: [] } },
  agreements: { agreements: [] },
};

/**
 * Validates the files of one pack and cross-checks their references.
 *
 * @param files parsed content by file name (`pack.yaml`, `lists.yaml`, `measures.json`, …). `pack.*` is
 *   required; the other sections default to empty. An unknown file name is an error, so a misspelt file
 *   cannot be silently ignored.
 * @throws PolicyPackError listing every issue with file, path and message.
 * @example validatePack({ 'pack.yaml': { node: 'gd', version: '1', effective: { from: '2026-01-01' }, description: 'x' } })
 */
export function validatePack(files: Readonly<Record<string, unknown>>, source?: string): PolicyPack {
  const issues: PackIssue[] = [];
  const names = {} as Record<PackFileStem, string>;
  const contents = {} as Record<PackFileStem, unknown>;

  for (const [file, content] of Object.entries(files)) {
    const stem = file.replace(EXTENSIONS, '');
    if (!EXTENSIONS.test(file) || !(STEMS as string[]).includes(stem)) {
      issues.push({ file, path: '', message: `unknown pack file; expected ${STEMS.map((s) => `${s}.yaml`).join(', ')}` });
      continue;
    }
    if (names[stem as PackFileStem]) {
      issues.push({ file, path: '', message: `section "${stem}" is already given by ${names[stem as PackFileStem]}` });
      continue;
    }
    names[stem as PackFileStem] = file;
    contents[stem as PackFileStem] = content;
  }
  if (!names.pack) issues.push({ file: 'pack.yaml', path: '', message: 'missing: every pack needs pack.yaml (node, version, effective, description)' });

  const parsed = {} as { [K in PackFileStem]: z.output<(typeof PACK_FILES)[K]> };
  for (const stem of STEMS) {
    names[stem] ??= `${stem}.yaml`;
    const content = stem in contents ? contents[stem] : stem === 'pack' ? undefined : DEFAULTS[stem];
    if (content === undefined && stem === 'pack') continue;
    const result = PACK_FILES[stem].safeParse(content);
    if (result.success) (parsed as Record<string, unknown>)[stem] = result.data;
    else for (const issue of result.error.issues) issues.push({ file: names[stem], path: formatPath(issue.path), message: messageOf(issue) });
  }
  if (issues.length > 0) throw new PolicyPackError(issues, source);

  const pack: PolicyPack = {
    manifest: parsed.pack,
    lists: parsed.lists.lists,
    ratingSchemes: parsed['rating-schemes'].ratingSchemes,
    regimes: parsed.publication.regimes,
    measures: parsed.measures.measures,
    recognition: parsed.recognition.recognition,
    calendar: parsed.calendar.calendar,
    dueProcess: parsed['due-process'].dueProcess,
    agreements: parsed.agreements.agreements,
  };
  const crossIssues = crossCheckPack(pack, names as FileNames);
  if (crossIssues.length > 0) throw new PolicyPackError(crossIssues, source);
  return pack;
}

/** Zod's messages, made specific where the default would be vague for a pack author. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: pack files are closed`;
  // Zod says "expected string, received undefined"; an author needs to hear that the field is missing.
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) return `required field is missing (expected ${issue.expected})`;
  return issue.message;
}
