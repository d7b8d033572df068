import type { z } from 'zod';
import type { Reject } from '../../domain/import-plan.js';

/** The first validation problem of a line, as `{field, reason}` (field is a dotted path). */
export function firstProblem(error: z.ZodError): Pick<Reject, 'field' | 'reason'> {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return { field: [...path, key].join('.'), reason: `unknown field "${key}": the interchange format is closed` };
  }
  return { field: path.length > 0 ? path.join('.') : null, reason: issue.message };
}
