/**
 * Replication (issue 5 §4–5): this node pulls each partner's feed (`CREDENCE_PEERS`, with the partner key it holds
 * there, `CREDENCE_PEER_KEYS`), page by page from its stored cursor, on a schedule and on demand.
 *
 * Every page is checked before anything is applied: a compact JWS of the feed type, signed with EdDSA by a key the
 * partner publishes in its JWKS (fetched and cached by the key ring, refreshed on an unknown `kid`), issued by
 * that partner, addressed to this node, and continuing exactly from the cursor stored here. A page that fails any
 * check is rejected — recorded with its reason and SHA-256 in `exchange_rejections`, counted in metrics, shown
 * in `/v1/exchange/status` — and the pull of that partner stops until the next round. A byte-identical second
 * delivery of the last applied page is recognised and changes nothing. A good page is applied in one transaction
 * with the new cursor, so a crash leaves whole pages behind, never half of one.
 *
 * Foreign records are stored with the partner as origin node; the evaluator gives them effect only through
 * the pack's recognition rules (SPEC §1.4).
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import type { Clock } from '../domain/dates.js';
import { IDENTIFIER_SCHEMES } from '../domain/identifiers/index.js';
import { CURRENCIES, JURISDICTIONS, NAME_KINDS, NAME_LANGS, PENALTY_KINDS, RECORD_CATEGORIES, RECORD_STATUSES, REGULATORY_DOMAINS, SEVERITIES, type NodeId } from '../domain/taxonomy.js';
import type { Metrics } from '../http/metrics.js';
import type { ChangeFeed } from '../services/changes.js';
import { runEvery, type Periodic } from '../services/periodic.js';
import type { Database } from '../store/database.js';
import { advanceCursor, applyFeedItems, insertRejection, lockCursor, notePull, readExchangeStatus, type IncomingItem } from '../store/exchange-repository.js';
import { splitCompact, verifyCompactSignature } from './compact-jws.js';
import { DEFAULT_FEED_LIMIT, FEED_TYP, itemsWithEntities, type FeedPayload } from './feed.js';
import type { KeyRing } from './key-ring.js';
import { NODE_KEY_ALG } from './node-keys.js';
import { issuerOf } from './sign-report.js';

export const REJECTION_REASONS = [
  /** Not a compact JWS with a JSON payload of the feed's shape. */
  'malformed',
  /** The header's `typ` is not that of a feed page, or `alg` is not EdDSA. */
  'wrong-type',
  /** The partner publishes no key with the header's `kid`. */
  'unknown-key',
  /** The partner's keys could not be fetched. */
  'issuer-unreachable',
  /** The signature does not match: altered in transit or forged. */
  'bad-signature',
  /** Signed as another node than the partner asked. */
  'wrong-issuer',
  /** Addressed to another node. */
  'wrong-audience',
  /** Does not continue from the stored cursor: replayed, or out of order. */
  'out-of-order',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

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

/** How one pull of one partner went. */
export interface PullResult {
  partner: NodeId;
  pages: number;
  items: number;
  /** Pages that were a second delivery of the last applied one. */
  duplicates: number;
  /** Why the pull stopped early: the partner unreachable or refusing, or a page rejected. */
  error?: string;
  rejected?: RejectionReason;
}

export interface ReplicatorDeps {
  database: Database;
  node: NodeId;
  peers: Partial<Record<NodeId, string>>;
  peerKeys: Partial<Record<NodeId, string>>;
  trustedKeys: KeyRing;
  changes: ChangeFeed;
  metrics: Metrics;
  clock: Clock;
  logger: Logger;
  /** Items asked for per page. */
  pageSize?: number;
  /** How long one HTTP request to a partner may take. */
  timeoutMs?: number;
}

/** A page that passed every check, its upserts' entities in place. */
interface VerifiedPage {
  after: string;
  next: string;
  more: boolean;
  items: IncomingItem[];
}

type FetchedPage = { digest: string; page: VerifiedPage } | { digest: string; rejected: PageRejected };

class PageRejected extends Error {
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
  }
}

export class Replicator {
  private readonly running = new Map<NodeId, Promise<PullResult>>();
  private readonly peerKeys: Partial<Record<NodeId, string>>;

  constructor(private readonly deps: ReplicatorDeps) {
    this.peerKeys = { ...deps.peerKeys };
  }

  /** The partners this node pulls from: those with both a URL and a key. */
  get partners(): NodeId[] {
    return (Object.keys(this.deps.peers) as NodeId[]).filter((p) => this.peerKeys[p] !== undefined);
  }

  /** Uses `key` at `partner` from now on: for keys issued while running (the demo federation wires itself so). */
  setPeerKey(partner: NodeId, key: string): void {
    this.peerKeys[partner] = key;
  }

  /** Pulls every partner (or the one named) until its feed has nothing more. */
  async pullAll(only?: NodeId): Promise<PullResult[]> {
    const partners = only ? [only] : this.partners;
    return Promise.all(partners.map((p) => this.pull(p)));
  }

  /** Pulls `partner`; a pull already running for it is joined rather than run twice. */
  pull(partner: NodeId): Promise<PullResult> {
    let run = this.running.get(partner);
    if (!run) {
      run = this.pullPages(partner).finally(() => this.running.delete(partner));
      this.running.set(partner, run);
    }
    return run;
  }

  /** Pulls every partner now and then every `intervalMs`; the timer does not keep the process alive. */
  start(intervalMs: number): Periodic {
    return runEvery(intervalMs, () => this.pullAll(), (error) => this.deps.logger.error({ err: error }, 'exchange pull failed'));
  }

  /** Every partner's cursor, last pull, last error and rejected pages (no keys). */
  async status() {
    const rows = await readExchangeStatus(this.deps.database.db);
    const known = new Map(rows.map((r) => [r.partner, r]));
    return this.partners.map((partner) => {
      const row = known.get(partner);
      return {
        partner,
        url: this.deps.peers[partner]!,
        cursor: row?.cursor ?? '',
        pagesApplied: row?.pagesApplied ?? 0,
        itemsApplied: row?.itemsApplied ?? 0,
        lastPullAt: row?.lastPullAt ?? null,
        lastError: row?.lastError ?? null,
        rejectedPages: row?.rejectedPages ?? 0,
        lastRejection: row?.lastRejection ?? null,
      };
    });
  }

  /**
   * Pulls `partner` page by page from the stored cursor. The next page is fetched and verified while the current
   * one is applied: the partner serves, the network carries and this node writes at the same time. Order is
   * still kept: a page applies only if it continues from the cursor its transaction reads.
   */
  private async pullPages(partner: NodeId): Promise<PullResult> {
    const { database, metrics, clock, logger } = this.deps;
    const result: PullResult = { partner, pages: 0, items: 0, duplicates: 0 };
    let pending: Promise<FetchedPage> | undefined;
    const prefetch = (cursor: string) => {
      const page = this.fetchVerified(partner, cursor);
      // Marked handled now: a fetch that fails while the page before is still being applied must not count as an
      // unhandled rejection; the failure surfaces where the page is awaited, or the page is dropped unread.
      page.catch(() => undefined);
      return page;
    };
    try {
      pending = prefetch((await database.transaction((tx) => lockCursor(tx.db, partner))).cursor);
      while (pending) {
        const page = await pending;
        pending = undefined;
        try {
          if ('rejected' in page) throw page.rejected;
          const { page: verified, digest } = page;
          if (verified.more) pending = prefetch(verified.next);
          const outcome = await this.apply(partner, verified, digest);
          metrics.exchangePages.labels(partner, outcome).inc();
          if (outcome === 'duplicate') {
            // A repeat of the page just applied: nothing to do; the next round asks again from the cursor.
            result.duplicates++;
            break;
          }
          result.pages++;
          result.items += verified.items.length;
        } catch (error) {
          if (!(error instanceof PageRejected)) throw error;
          metrics.exchangePages.labels(partner, 'rejected').inc();
          metrics.exchangeRejections.labels(partner, error.reason).inc();
          await insertRejection(database.db, { partner, at: clock(), reason: error.reason, message: error.message, pageDigest: page.digest });
          logger.warn({ partner, reason: error.reason, digest: page.digest }, `feed page of ${partner} rejected: ${error.message}`);
          result.rejected = error.reason;
          result.error = `page rejected (${error.reason}): ${error.message}`;
          break;
        }
      }
    } catch (error) {
      result.error = (error as Error).message;
      logger.warn({ partner, err: error }, `pulling ${partner} failed`);
    }
    // A page fetched ahead of one that stopped the pull is dropped; the next round asks for it again.
    await notePull(database.db, partner, clock(), result.error ?? null);
    return result;
  }

  /** The page after `cursor`, fetched and checked; a page that fails a check is returned with the reason. */
  private async fetchVerified(partner: NodeId, cursor: string): Promise<FetchedPage> {
    const jws = await this.fetchPage(partner, cursor);
    const digest = createHash('sha256').update(jws).digest('hex');
    try {
      return { digest, page: await this.verify(partner, jws) };
    } catch (error) {
      if (error instanceof PageRejected) return { digest, rejected: error };
      throw error;
    }
  }

  private async fetchPage(partner: NodeId, cursor: string): Promise<string> {
    const url = new URL(`${this.deps.peers[partner]}/v1/exchange/feed`);
    if (cursor) url.searchParams.set('after', cursor);
    url.searchParams.set('limit', String(this.deps.pageSize ?? DEFAULT_FEED_LIMIT));
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${this.peerKeys[partner]}`, accept: 'application/jose' },
      signal: AbortSignal.timeout(this.deps.timeoutMs ?? 30_000),
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`GET ${url.origin}${url.pathname} answered ${response.status}: ${body.slice(0, 300)}`);
    return body;
  }

  /** The page `jws` if it is a feed page signed by `partner` for this node; else throws `PageRejected`. */
  private async verify(partner: NodeId, jws: string): Promise<VerifiedPage> {
    const parts = splitCompact(jws);
    if (!parts) throw new PageRejected('malformed', 'not a compact JWS (three base64url parts separated by dots)');
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(jws);
    } catch (error) {
      throw new PageRejected('malformed', `not a compact JWS: ${(error as Error).message}`);
    }
    if (header.typ !== FEED_TYP || header.alg !== NODE_KEY_ALG) throw new PageRejected('wrong-type', `typ ${String(header.typ)} / alg ${String(header.alg)}, not ${FEED_TYP} / ${NODE_KEY_ALG}`);
    if (header.crit !== undefined) throw new PageRejected('malformed', 'the header has critical extensions (crit), which a feed page never uses');
    if (typeof header.kid !== 'string') throw new PageRejected('malformed', 'the header names no kid');
    const resolved = await this.deps.trustedKeys.resolve(issuerOf(partner), header.kid);
    if ('reason' in resolved) throw new PageRejected(resolved.reason === 'unknown-key' ? 'unknown-key' : 'issuer-unreachable', resolved.message);
    if (!verifyCompactSignature(parts, resolved.keyObject)) throw new PageRejected('bad-signature', `the signature of ${partner}'s key ${header.kid} does not match: altered in transit or forged`);
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      throw new PageRejected('malformed', 'the payload is not JSON');
    }
    const parsed = payloadSchema.safeParse(json);
    if (!parsed.success) throw new PageRejected('malformed', `the payload is not a feed page: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const payload = parsed.data;
    if (payload.iss !== issuerOf(partner)) throw new PageRejected('wrong-issuer', `issued by ${payload.iss}, not ${issuerOf(partner)}`);
    if (payload.aud !== issuerOf(this.deps.node)) throw new PageRejected('wrong-audience', `addressed to ${payload.aud}, not ${issuerOf(this.deps.node)}`);
    const items = itemsWithEntities(payload);
    if (!items) throw new PageRejected('malformed', 'the entities the page lists are not exactly those its upserts name, each once');
    return { after: payload.after, next: payload.next, more: payload.more, items };
  }

  /** Applies a verified page in one transaction with its cursor, unless it is a repeat of the last one. */
  private async apply(partner: NodeId, payload: VerifiedPage, digest: string): Promise<'applied' | 'duplicate'> {
    const { database, changes, metrics } = this.deps;
    const applied = await database.transaction(async (tx) => {
      const stored = await lockCursor(tx.db, partner);
      if (stored.lastPageDigest === digest) return undefined;
      if (payload.after !== stored.cursor) throw new PageRejected('out-of-order', 'the page does not continue from the cursor held here: replayed or out of order');
      const page = await applyFeedItems(tx, partner, payload.items);
      await advanceCursor(tx.db, partner, { cursor: payload.next, digest, items: page.applied });
      return page;
    });
    if (!applied) return 'duplicate';
    for (const item of payload.items) metrics.exchangeItems.labels(partner, item.op).inc();
    await changes.publish({ register: applied.createdEntityIds, records: applied.entityIds, cause: 'exchange' });
    return 'applied';
  }
}
