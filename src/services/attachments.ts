/**
 * Attachments of objections and repair applications (issue 4 §4–§5): JSON bodies carry each file as
 * `{filename, mediaType, contentBase64}`. The limits live here, in one place: which media types are
 * accepted, how large one file may be once decoded, and how many one request may carry. A PDF, PNG or JPEG
 * must start with its format's signature and plain text must be UTF-8, so a file is what it says it is.
 * Each is stored with its size and SHA-256 in the transaction that files the case it belongs to.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import { insertAttachments, type AttachmentMeta } from '../store/due-process-repository.js';

/** Media types an attachment may have. */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];
/** Largest attachment, decoded: 2 MiB. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** Most attachments per request. */
export const MAX_ATTACHMENTS = 5;
/** Room in a request body for the largest attachments in base64 (4/3 of their size) beside the text. */
export const ATTACHMENTS_BODY_LIMIT = Math.ceil((MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES * 4) / 3) + (1 << 20);

/** An attachment as a request carries it. */
export interface AttachmentInput {
  filename: string;
  mediaType: string;
  contentBase64: string;
}

/** An attachment decoded and checked, ready to store. */
export interface CheckedAttachment extends AttachmentMeta {
  content: string;
}

/** The leading bytes each binary type must start with. */
const SIGNATURES: Partial<Record<AttachmentMediaType, Buffer>> = {
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes and checks the attachments of a request. Throws UNSUPPORTED_MEDIA_TYPE (415) for a type not
 * accepted or bytes not of the declared type, PAYLOAD_TOO_LARGE (413) beyond the size limit, and
 * INVALID_REQUEST for content that is not base64; each names the field.
 */
export function checkAttachments(inputs: readonly AttachmentInput[]): CheckedAttachment[] {
  if (inputs.length > MAX_ATTACHMENTS) {
    throw new DomainError('INVALID_REQUEST', `at most ${MAX_ATTACHMENTS} attachments per request`, [{ field: 'attachments', reason: `more than ${MAX_ATTACHMENTS}` }]);
  }
  return inputs.map((input, i) => checkAttachment(input, `attachments.${i}`));
}

function checkAttachment(input: AttachmentInput, field: string): CheckedAttachment {
  const mediaType = input.mediaType.toLowerCase() as AttachmentMediaType;
  if (!ATTACHMENT_MEDIA_TYPES.includes(mediaType)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `${input.filename}: ${input.mediaType} is not accepted; send ${ATTACHMENT_MEDIA_TYPES.join(', ')}`, [
      { field: `${field}.mediaType`, reason: 'not accepted' },
    ]);
  }
  const content = input.contentBase64.replace(/\s+/g, '');
  if (content.length % 4 !== 0 || !BASE64.test(content)) {
    throw new DomainError('INVALID_REQUEST', `${input.filename}: contentBase64 is not base64`, [{ field: `${field}.contentBase64`, reason: 'not base64' }]);
  }
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `${input.filename}: ${bytes.length} bytes; an attachment may have at most ${MAX_ATTACHMENT_BYTES} (2 MiB)`, [
      { field: `${field}.contentBase64`, reason: 'larger than 2 MiB' },
    ]);
  }
  if (!isOfType(bytes, mediaType)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `${input.filename}: the content is not ${mediaType}`, [
      { field: `${field}.contentBase64`, reason: `content does not match ${mediaType}` },
    ]);
  }
  return {
    id: randomUUID(),
    filename: input.filename,
    mediaType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content,
  };
}

function isOfType(bytes: Buffer, mediaType: AttachmentMediaType): boolean {
  const signature = SIGNATURES[mediaType];
  if (signature) return bytes.subarray(0, signature.length).equals(signature);
  try {
    utf8.decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}

/** Stores checked attachments of `entityId`; call in the transaction that files the case. */
export async function storeAttachments(db: Db, entityId: string, checked: readonly CheckedAttachment[]): Promise<void> {
  await insertAttachments(
    db,
    checked.map((a) => ({ id: a.id, entityId, filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256, content: a.content })),
  );
}

