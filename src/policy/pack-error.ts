/** One problem in a policy pack: which file, where in it, and what is wrong. */
export interface PackIssue {
  readonly file: string;
  /** Path inside the file, e.g. `measures[3].legalBasis`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

/**
 * A policy pack was refused. The message lists every issue as `file path: problem`, so a pack author can fix
 * them all in one pass instead of one per load attempt.
 */
export class PolicyPackError extends Error {
  readonly code = 'POLICY_PACK_INVALID';
  readonly issues: readonly PackIssue[];

  constructor(issues: readonly PackIssue[], source?: string) {
    const where = source ? ` (${source})` : '';
    super(`policy pack rejected${where}: ${issues.length} issue(s)\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'PolicyPackError';
    this.issues = issues;
  }
}

/** `measures.yaml measures[3].legalBasis: legalBasis is required` */
export function formatIssue(issue: PackIssue): string {
  return `  ${issue.file}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}`;
}

/** Renders a zod-style path (`['measures', 3, 'legalBasis']`) as `measures[3].legalBasis`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
