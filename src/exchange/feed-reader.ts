/**
 * Reading a partner's feed (issue 5 §4) on a worker thread: each page fetched over HTTP, its SHA-256 taken, split
 * into its three JWS parts and its payload decoded — base64url, JSON, the closed schema, the entity references,
 * each upserted record encoded for COPY. The thread follows the pages' `next` cursors on its own, up to
 * {@link PAGES_AHEAD} pages ahead of the main thread, which checks each page's header and signature and writes it:
 * on PGlite the database runs on the main thread and holds its event loop while it writes, so neither the
 * partner's answer nor the decoding of the next page would otherwise proceed meanwhile.
 *
 * Nothing here decides whether a page is accepted: a page's signature is checked on the main thread before its
 * decoded content is used (replication.ts), and a cursor followed here is only a question to the partner.
 */
import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { IDENTIFIER_SCHEMES } from '../domain/identifiers/index.js';
import { CURRENCIES, JURISDICTIONS, NAME_KINDS, NAME_LANGS, PENALTY_KINDS, RECORD_CATEGORIES, RECORD_STATUSES, REGULATORY_DOMAINS, SEVERITIES } from '../domain/taxonomy.js';
import { workerModule } from '../paths.js';
import { startWorker } from '../services/ts-worker.js';
import type { IncomingPage } from '../store/exchange-repository.js';
import { jsonOfPart, splitCompact } from './compact-jws.js';
import { incomingPage, type FeedPayload } from './feed.js';

/** Pages the reading thread fetches and decodes before the main thread has taken them. */
export const PAGES_AHEAD = 2;

const text = z.string().min(1).max(2000);
const money = z.strictObject({ value: z.number().finite().nonnegative(), currency: z.enum(CURRENCIES) });
const version = z.string().regex(/^\d{20}\.\d{20}$/);
const sharedRecord = z.strictObject({
  sourceId: z.string().min(1).max(128),
  category: z.enum(RECORD_CATEGORIES),
  domain: z.enum(REGULATORY_DOMAINS),
  severity: z.enum(SEVERITIES).optional(),
  authority: z.string().max(64).optional(),
  decisionNo: z.string().max(128).optional(),
  decidedOn: z.iso.date(),
  legalBasis: z.array(z.strictObject({ instrument: text, article: text })).max(20).optional(),
  summary: z.string().max(1000).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  penalty: z.strictObject({ kinds: z.array(z.enum(PENALTY_KINDS)).min(1), amount: money.optional() }).optional(),
  rating: z.strictObject({ scheme: z.string().min(1).max(64), grade: z.string().min(1).max(32), score: z.number().finite().optional() }).optional(),
  court: z.strictObject({ caseNo: z.string().min(1).max(128), amountOwed: money.optional() }).optional(),
});
const sharedEntity = z.strictObject({
  id: z.uuid(),
  jurisdiction: z.enum(JURISDICTIONS),
  identifiers: z.array(z.strictObject({ scheme: z.enum(IDENTIFIER_SCHEMES), value: z.string().min(1).max(64) })).max(20),
  names: z.array(z.strictObject({ value: z.string().min(1).max(300), lang: z.enum(NAME_LANGS), kind: z.enum(NAME_KINDS) })).max(50).optional(),
});
/** A feed page's payload as this node accepts it: closed, like the interchange format. */
const payloadSchema = z.strictObject({
  iss: z.string(),
  aud: z.string(),
  iat: z.number().int(),
  after: z.string().max(400),
  next: z.string().min(1).max(400),
  more: z.boolean(),
  agreement: z.string().nullable(),
  entities: z.array(sharedEntity),
  items: z.array(
    z.discriminatedUnion('op', [
      z.strictObject({ op: z.literal('upsert'), version, record: sharedRecord, entity: z.uuid() }),
      z.strictObject({ op: z.literal('retract'), version, sourceId: z.string().min(1).max(128) }),
    ]),
  ),
}) satisfies z.ZodType<FeedPayload>;

/** A decoded page: where it sits in the feed, who issued it for whom, and its content ready to apply. */
export interface DecodedPage extends IncomingPage {
  iss: string;
  aud: string;
  after: string;
  next: string;
  more: boolean;
}

/** A decoded page, or why the payload is not one. */
export type Decoded = { page: DecodedPage } | { malformed: string };

/** Decodes the payload segment of a feed page (base64url of its JSON). */
export function decodePayload(segment: string): Decoded {
  let json: unknown;
  try {
    json = jsonOfPart(segment);
  } catch (error) {
    return { malformed: `the payload is not base64url JSON: ${(error as Error).message}` };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { malformed: `the payload is not a feed page: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  const { iss, aud, after, next, more } = parsed.data;
  const content = incomingPage(parsed.data);
  if (!content) return { malformed: 'the entities the page lists are not exactly those its upserts name, each once' };
  return { page: { iss, aud, after, next, more, ...content } };
}

/** What to read: the partner's feed URL, the key this node holds there, and from which cursor. */
export interface FeedRequest {
  url: string;
  authorization: string;
  after: string;
  limit: number;
  /** How long a page may take from being asked for until it is read: for a page asked ahead, waiting for room counts. */
  timeoutMs: number;
  /** Whether to ask for the next page as soon as an answer's `Link` header names it (`nextCursorHint`). */
  askAhead: boolean;
}

/** A page as read: its digest, and its JWS parts and decoded payload when it is a compact JWS. */
export interface ReadPage {
  /** SHA-256 of the page as received, hex: what rejections are reported with. */
  digest: string;
  /** Undefined when the page is not a compact JWS. */
  jws?: { parts: [header: string, payload: string, signature: string]; decoded: Decoded };
}

/** Messages between the main thread and the reading thread. */
export type ReaderRequest = { type: 'start'; session: number; request: FeedRequest } | { type: 'ack' | 'stop'; session: number };
export type ReaderReply = { session: number } & ({ type: 'page'; page: ReadPage } | { type: 'error'; message: string } | { type: 'end' });

/** Asks the partner for the page after `after`; resolves with its answer once the headers are in. */
export function askPage(request: FeedRequest, after: string, signal: AbortSignal): Promise<Response> {
  const url = new URL(request.url);
  if (after) url.searchParams.set('after', after);
  url.searchParams.set('limit', String(request.limit));
  return fetch(url, {
    headers: { authorization: request.authorization, accept: 'application/jose' },
    signal: AbortSignal.any([signal, AbortSignal.timeout(request.timeoutMs)]),
  });
}

/**
 * The cursor an answer's `Link` header names for the page after it (`<?after=…>; rel="next"`, sent while more
 * follow; `base` is the URL answered), so that the next page can be asked for while this one is read and decoded.
 * Only a hint: the page's signed `next` decides what is read, and a page asked for under another cursor is dropped.
 */
export function nextCursorHint(link: string | null, base: string): string | undefined {
  const target = link?.match(/<([^>]*)>\s*;\s*rel=(?:next|"next")\s*(?:[;,]|$)/)?.[1];
  if (target === undefined || !URL.canParse(target, base)) return undefined;
  return new URL(target, base).searchParams.get('after') ?? undefined;
}

/** Reads the page out of the partner's answer (on the reading thread). */
export async function readAnswer(answer: Response): Promise<ReadPage> {
  const body = await answer.text();
  if (!answer.ok) {
    const url = new URL(answer.url);
    throw new Error(`GET ${url.origin}${url.pathname} answered ${answer.status}: ${body.slice(0, 300)}`);
  }
  const digest = createHash('sha256').update(body).digest('hex');
  const parts = splitCompact(body);
  return parts ? { digest, jws: { parts, decoded: decodePayload(parts[1]) } } : { digest };
}

/**
 * Reads feeds on a worker thread, started on first use and kept for later pulls. It keeps the process alive only
 * while a pull reads. If the thread dies, the pulls reading fail and the next pull starts another.
 */
export class FeedReader {
  private worker: Worker | undefined;
  private readonly sessions = new Map<number, (reply: ReaderReply | Error) => void>();
  private nextSession = 0;

  /**
   * The pages of the feed from `request.after` on, in order, until one has no more after it, is not a well-formed
   * page, or the caller stops taking them. A failed fetch ends them with its error.
   */
  async *pages(request: FeedRequest): AsyncGenerator<ReadPage> {
    const worker = this.running();
    const session = this.nextSession++;
    const replies: (ReaderReply | Error)[] = [];
    let wake: (() => void) | undefined;
    this.sessions.set(session, (reply) => {
      replies.push(reply);
      wake?.();
      wake = undefined;
    });
    if (this.sessions.size === 1) worker.ref();
    worker.postMessage({ type: 'start', session, request } satisfies ReaderRequest);
    try {
      for (;;) {
        while (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const reply = replies.shift()!;
        if (reply instanceof Error) throw reply;
        if (reply.type === 'error') throw new Error(reply.message);
        if (reply.type === 'end') return;
        yield reply.page;
        worker.postMessage({ type: 'ack', session } satisfies ReaderRequest);
      }
    } finally {
      this.sessions.delete(session);
      if (this.worker === worker) {
        worker.postMessage({ type: 'stop', session } satisfies ReaderRequest);
        if (this.sessions.size === 0) worker.unref();
      }
    }
  }

  /** Stops the reading thread; pulls still reading fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(workerModule('exchange/feed-reader-worker'));
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const deliver of this.sessions.values()) deliver(error);
    };
    worker.on('message', (reply: ReaderReply) => this.sessions.get(reply.session)?.(reply));
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the feed reading thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
