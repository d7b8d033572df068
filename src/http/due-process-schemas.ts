/**
 * Zod schemas objections and repair applications share over HTTP: subjects, attachments, the idempotency
 * header and the case fields of their answers.
 */
import { z } from 'zod';
import { ATTACHMENT_MEDIA_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../services/attachments.js';

export const subjectRefSchema = z
  .union([z.strictObject({ record: z.number().int().positive().describe('A record of the caller’s entity') }), z.strictObject({ list: z.string().min(1).max(100).describe('A list the caller’s entity is on') })])
  .describe('What the case is about: one record, or the entity’s entry on a list (whose records are the facts behind it)');

export const attachmentInputSchema = z
  .object({
    filename: z.string().min(1).max(255),
    mediaType: z.string().min(1).max(100).describe(`One of ${ATTACHMENT_MEDIA_TYPES.join(', ')}; other types are 415`),
    contentBase64: z.string().min(1).describe(`The file, base64; at most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MiB decoded (413 beyond), and of the declared type (415 otherwise)`),
  })
  .meta({ id: 'AttachmentUpload' });

export const attachmentsInputSchema = z.array(attachmentInputSchema).max(MAX_ATTACHMENTS).describe(`At most ${MAX_ATTACHMENTS} files`);

export const attachmentSchema = z
  .object({ id: z.string(), filename: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string().describe('SHA-256 of the decoded bytes, hex') })
  .meta({ id: 'Attachment' });

/** The optional `Idempotency-Key` header of a filing. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('A key of the client’s choosing: a retry with the same key returns the first case (200), never a second one'),
});

/** Fields every case (objection or repair application) answers with. */
export const caseFields = {
  id: z.string(),
  entityId: z.string(),
  subject: z.string().describe('`record:<id>` or `list:<listId>`'),
  recordIds: z.array(z.number().int()).describe('The records concerned'),
  authority: z.string().describe('Who decides: the issuing authority of the record, or the list’s authority'),
  attachments: z.array(attachmentSchema),
  status: z.string().describe('`open` until decided, then `decided`'),
  filedAt: z.string(),
  dueOn: z.string().describe('The last day for the decision (the pack’s deadline, in working days where it says so)'),
  overdue: z.boolean().describe('Still open after its due date'),
};
