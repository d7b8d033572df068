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
import type { Logger } from 'pino';
import type { Clock } from '../domain/dates.js';
import type { NodeId } from '../domain/taxonomy.js';
import type { Metrics } from '../http/metrics.js';
import type { ChangeFeed } from '../services/changes.js';
import { runEvery, type Periodic } from '../services/periodic.js';
import type { Database } from '../store/database.js';
import { advanceCursor, applyFeedItems, FEED_LOOKED_UP_COLUMNS, insertRejection, lockCursor, notePull, readExchangeStatus } from '../store/exchange-repository.js';
import { analyzeGrownTables } from '../store/statistics.js';
import { decodeHeader, verifyCompactSignature } from './compact-jws.js';
import { DEFAULT_FEED_LIMIT, FEED_TYP } from './feed.js';
import { FeedReader, type DecodedPage, type ReadPage } from './feed-reader.js';
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
  private readonly reader = new FeedReader();

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

  /** Stops the feed reading thread; a pull still running fails, its current page unapplied. */
  close(): Promise<void> {
    return this.reader.close();
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
   * Pulls `partner` page by page from the stored cursor. The reading thread fetches and decodes pages ahead while
   * the current one is written (feed-reader.ts): the partner serves, the network carries, the reader decodes and
   * this node writes at the same time. Order is still kept: a page applies only if it continues from the cursor
   * its transaction reads.
   */
  private async pullPages(partner: NodeId): Promise<PullResult> {
    const { database, metrics, clock, logger } = this.deps;
    const result: PullResult = { partner, pages: 0, items: 0, duplicates: 0 };
    try {
      const { cursor } = await database.transaction((tx) => lockCursor(tx.db, partner));
      const request = {
        url: `${this.deps.peers[partner]}/v1/exchange/feed`,
        authorization: `Bearer ${this.peerKeys[partner]}`,
        after: cursor,
        limit: this.deps.pageSize ?? DEFAULT_FEED_LIMIT,
        timeoutMs: this.deps.timeoutMs ?? 30_000,
        // Asking for the next page while this one is read gains where this node's writing is split between this
        // process and a database server (PostgreSQL: about a tenth more records a second). On PGlite the main
        // thread, which runs the database, is the bound: asking ahead cannot speed it, and a partner on the same
        // machine then works at the same time and takes CPU from it (docs/benchmarks.md, replication).
        askAhead: database.dialect === 'postgres',
      };
      for await (const read of this.reader.pages(request)) {
        try {
          const page = await this.verify(partner, read);
          const outcome = await this.apply(partner, page, read.digest);
          metrics.exchangePages.labels(partner, outcome).inc();
          if (outcome === 'duplicate') {
            // A repeat of the page just applied: nothing to do; the next round asks again from the cursor.
            result.duplicates++;
            break;
          }
          result.pages++;
          result.items += page.items.length;
        } catch (error) {
          if (!(error instanceof PageRejected)) throw error;
          metrics.exchangePages.labels(partner, 'rejected').inc();
          metrics.exchangeRejections.labels(partner, error.reason).inc();
          await insertRejection(database.db, { partner, at: clock(), reason: error.reason, message: error.message, pageDigest: read.digest });
          logger.warn({ partner, reason: error.reason, digest: read.digest }, `feed page of ${partner} rejected: ${error.message}`);
          result.rejected = error.reason;
          result.error = `page rejected (${error.reason}): ${error.message}`;
          break;
        }
      }
    } catch (error) {
      result.error = (error as Error).message;
      logger.warn({ partner, err: error }, `pulling ${partner} failed`);
    }
    // Pages read ahead of one that stopped the pull are dropped; the next round asks for them again.
    await notePull(database.db, partner, clock(), result.error ?? null);
    return result;
  }

  /** The page read if it is a feed page signed by `partner` for this node; else throws `PageRejected`. */
  private async verify(partner: NodeId, read: ReadPage): Promise<DecodedPage> {
    if (!read.jws) throw new PageRejected('malformed', 'not a compact JWS (three base64url parts separated by dots)');
    const { parts, decoded } = read.jws;
    const header = decodeHeader(parts[0]);
    if (!header) throw new PageRejected('malformed', 'not a compact JWS: the header is not a JSON object');
    if (header.typ !== FEED_TYP || header.alg !== NODE_KEY_ALG) throw new PageRejected('wrong-type', `typ ${String(header.typ)} / alg ${String(header.alg)}, not ${FEED_TYP} / ${NODE_KEY_ALG}`);
    if (header.crit !== undefined) throw new PageRejected('malformed', 'the header has critical extensions (crit), which a feed page never uses');
    if (typeof header.kid !== 'string') throw new PageRejected('malformed', 'the header names no kid');
    const resolved = await this.deps.trustedKeys.resolve(issuerOf(partner), header.kid);
    if ('reason' in resolved) throw new PageRejected(resolved.reason === 'unknown-key' ? 'unknown-key' : 'issuer-unreachable', resolved.message);
    if (!verifyCompactSignature(parts, resolved)) throw new PageRejected('bad-signature', `the signature of ${partner}'s key ${header.kid} does not match: altered in transit or forged`);
    if ('malformed' in decoded) throw new PageRejected('malformed', decoded.malformed);
    const { page } = decoded;
    if (page.iss !== issuerOf(partner)) throw new PageRejected('wrong-issuer', `issued by ${page.iss}, not ${issuerOf(partner)}`);
    if (page.aud !== issuerOf(this.deps.node)) throw new PageRejected('wrong-audience', `addressed to ${page.aud}, not ${issuerOf(this.deps.node)}`);
    return page;
  }

  /** Applies a verified page in one transaction with its cursor, unless it is a repeat of the last one. */
  private async apply(partner: NodeId, payload: DecodedPage, digest: string): Promise<'applied' | 'duplicate'> {
    const { database, changes, metrics } = this.deps;
    const applied = await database.transaction(async (tx) => {
      const stored = await lockCursor(tx.db, partner);
      if (stored.lastPageDigest === digest) return undefined;
      if (payload.after !== stored.cursor) throw new PageRejected('out-of-order', 'the page does not continue from the cursor held here: replayed or out of order');
      const page = await applyFeedItems(tx, partner, payload);
      await advanceCursor(tx.db, partner, { cursor: payload.next, digest, items: page.applied });
      return page;
    });
    if (!applied) return 'duplicate';
    await analyzeGrownTables(database.db, FEED_LOOKED_UP_COLUMNS);
    for (const item of payload.items) metrics.exchangeItems.labels(partner, item.op).inc();
    await changes.publish({ register: applied.createdEntityIds, records: applied.entityIds, cause: 'exchange' });
    return 'applied';
  }
}
