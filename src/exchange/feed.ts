/**
 * The exchange feed (issue 5 §3): `GET /v1/exchange/feed?after=CURSOR&limit=N` for a partner node. Each page is
 * a compact JWS (EdDSA, this node's signing key, `kid` in the header) over the page's items, the cursor it
 * starts from (`after`), the cursor to ask next (`next`), issuer, audience and time — so a partner can tell an
 * altered, misdirected, replayed or out-of-order page from a good one.
 *
 * What a page holds is decided at read time by the agreement with that partner in force today:
 * - a local record the agreement covers and that is active and inside its publicity window → `upsert` with
 *   the fields the agreement names and its entity's shared identifiers and names;
 * - a record a started agreement with the partner covers (category, domain, rating scheme) that is not (or no
 *   longer) shareable — repaired, corrected, revoked, expired, out of its window → `retract`;
 * - anything else is skipped: its source id never leaves the node.
 * The cursor carries the agreement it was served under. When that changes (an agreement ends, or another takes
 * over), the feed starts again from the first position under the new terms; with no agreement in force it
 * serves a retraction for everything the ended agreement covered, once, and then nothing. Foreign records are
 * never served.
 */
import { z } from 'zod';
import type { CompiledPack } from '../domain/policy/compile.js';
import { publicationWindowDays } from '../domain/policy/publication.js';
import { DomainError } from '../domain/errors.js';
import type { NodeId } from '../domain/taxonomy.js';
import type { Database } from '../store/database.js';
import { namedEntities } from '../store/entity-repository.js';
import { toEvaluableRecord } from '../store/evaluation-repository.js';
import { encodeIncomingRecord, readFeedRows, type FeedPosition, type FeedRow, type IncomingItem, type IncomingPage } from '../store/exchange-repository.js';
import { agreementInForce, agreementsStartedBy, projectEntity, projectRecord, termsFor, type SharedEntity, type SharedRecord } from './agreements.js';
import { signCompact } from './compact-jws.js';
import { NODE_KEY_ALG, type NodeKeys } from './node-keys.js';
import { expirePublicity } from './publicity-expiry.js';
import type { ChangeFeed } from '../services/changes.js';
import { issuerOf } from './sign-report.js';

/** The `typ` header of a feed page. */
export const FEED_TYP = 'credence-feed+json';

export const DEFAULT_FEED_LIMIT = 1_000;
export const MAX_FEED_LIMIT = 10_000;

/** An item of a page: an upsert names its entity by id, listed once in the page's `entities`. */
export type FeedItem =
  | { op: 'upsert'; version: string; record: SharedRecord; entity: string }
  | { op: 'retract'; version: string; sourceId: string };

/** The signed content of one page. */
export interface FeedPayload {
  /** The issuing node, `credence:<node>`. */
  iss: string;
  /** The partner the page is for. */
  aud: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** The cursor this page continues from ('' for the start). */
  after: string;
  /** The cursor to ask for next. */
  next: string;
  /** Whether more items may follow at once. */
  more: boolean;
  /** The agreement the items were selected under; null when none is in force. */
  agreement: string | null;
  /** The entities of the page's upserts, each once, reduced to what the agreement shares. */
  entities: SharedEntity[];
  items: FeedItem[];
}

/** A page as served: the compact JWS, and the cursor and `more` of its payload, for the answer's `Link` header. */
export interface SignedPage {
  jws: Buffer;
  next: string;
  more: boolean;
}

/**
 * A page's content as the receiving node applies it, each upsert's record encoded for COPY
 * (`encodeIncomingRecord`); undefined when the page is not well formed: an entity listed twice or by no upsert,
 * or an upsert naming one not listed.
 */
export function incomingPage(payload: Pick<FeedPayload, 'entities' | 'items'>): IncomingPage | undefined {
  const listed = new Set(payload.entities.map((e) => e.id));
  if (listed.size !== payload.entities.length) return undefined;
  const named = new Set<string>();
  const items: IncomingItem[] = [];
  for (const item of payload.items) {
    if (item.op === 'retract') {
      items.push(item);
      continue;
    }
    if (!listed.has(item.entity)) return undefined;
    named.add(item.entity);
    items.push({ op: 'upsert', version: item.version, sourceId: item.record.sourceId, entity: item.entity, head: encodeIncomingRecord(item.record, item.version) });
  }
  return named.size === listed.size ? { entities: payload.entities, items } : undefined;
}

/** Where a cursor points: the agreement its pages were served under, and the last position served. */
interface Cursor {
  /** The agreement id, `-<id>` while retracting what an ended agreement shared, or '' for nothing shared. */
  tag: string;
  position: FeedPosition;
}

const START: FeedPosition = { xid: '0', id: '0' };
const cursorSchema = z.tuple([z.string().max(200), z.string().regex(/^\d{1,20}$/), z.string().regex(/^\d{1,20}$/)]);

/** Cursors are opaque to partners: base64url of `[tag, xid, id]`. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.tag, cursor.position.xid, cursor.position.id])).toString('base64url');
}

function decodeCursor(text: string | undefined): Cursor {
  if (!text) return { tag: '', position: START };
  try {
    const [tag, xid, id] = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { tag, position: { xid, id } };
  } catch {
    throw new DomainError('INVALID_REQUEST', 'after is not a cursor this feed issued', [{ field: 'after', reason: 'malformed cursor' }]);
  }
}

/** A record's version: its feed position, fixed-width so that text order is position order. */
export function versionOf(position: FeedPosition): string {
  return `${position.xid.padStart(20, '0')}.${position.id.padStart(20, '0')}`;
}

export interface FeedDeps {
  database: Database;
  node: NodeId;
  nodeKeys: Pick<NodeKeys, 'signingKey'>;
  pack: () => CompiledPack;
  today: () => number;
  clock: () => Date;
  changes: ChangeFeed;
}

export class FeedService {
  constructor(private readonly deps: FeedDeps) {}

  /** Marks local records past their publicity window expired, so the feed retracts them (publicity-expiry.ts). */
  expirePublicity(): Promise<number> {
    return expirePublicity(this.deps);
  }

  /**
   * The next page for `partner` after `after`, signed. Refused (403) when no agreement of this node's pack
   * names the partner at all.
   */
  async page(partner: NodeId, after: string | undefined, limit = DEFAULT_FEED_LIMIT): Promise<SignedPage> {
    const payload = await this.payload(partner, after, limit);
    const key = await this.deps.nodeKeys.signingKey();
    return { jws: signCompact({ alg: NODE_KEY_ALG, kid: key.kid, typ: FEED_TYP }, JSON.stringify(payload), key.key), next: payload.next, more: payload.more };
  }

  /** The content of the next page for `partner` after `after`, before it is signed. */
  async payload(partner: NodeId, after: string | undefined, limit: number): Promise<FeedPayload> {
    const { node, database } = this.deps;
    const pack = this.deps.pack();
    const day = this.deps.today();
    const withPartner = pack.pack.agreements.filter((a) => a.partner === partner);
    if (withPartner.length === 0) throw new DomainError('FORBIDDEN', `no sharing agreement of node ${node} names ${partner}: nothing is shared`);
    const cursor = decodeCursor(after);
    const current = agreementInForce(withPartner, partner, day);
    const tag = current ? current.id : cursor.tag === '' || cursor.tag.startsWith('-') ? cursor.tag : `-${cursor.tag}`;
    const position = tag === cursor.tag ? cursor.position : START;

    // Retractions go to what the partner may hold: what started agreements (or the ended one) covered.
    const ended = tag.startsWith('-') ? withPartner.find((a) => a.id === tag.slice(1)) : undefined;
    const covering = current ? agreementsStartedBy(withPartner, partner, day) : tag.startsWith('-') ? (ended ? [ended] : withPartner) : [];
    const items: FeedItem[] = [];
    const entities: SharedEntity[] = [];
    let next = position;
    let more = false;
    if (covering.length > 0) {
      const categories = [...new Set(covering.flatMap((a) => a.records.map((r) => r.category)))];
      const rows = await readFeedRows(database, { node, after: position, categories, limit });
      const shared = rows.map((row) => (current && row.status === 'active' && !this.outOfWindow(pack, row, day) ? termsFor(current, row) : undefined));
      const shareable = new Map((await namedEntities(database.db, [...new Set(rows.filter((_, i) => shared[i]).map((r) => r.entityId))])).map((e) => [e.id, e]));
      const listed = new Set<string>();
      rows.forEach((row, i) => {
        const terms = shared[i];
        const version = versionOf(row.position);
        if (current && terms) {
          if (!listed.has(row.entityId)) {
            listed.add(row.entityId);
            entities.push(projectEntity(shareable.get(row.entityId)!, current.entity));
          }
          items.push({ op: 'upsert', version, record: projectRecord(row, terms.fields), entity: row.entityId });
        } else if (covering.some((a) => termsFor(a, row, { anyGrade: true }))) {
          items.push({ op: 'retract', version, sourceId: row.sourceId });
        }
      });
      next = rows.at(-1)?.position ?? position;
      more = rows.length === limit;
    }
    return {
      iss: issuerOf(node),
      aud: issuerOf(partner),
      iat: Math.floor(this.deps.clock().getTime() / 1000),
      after: after ?? '',
      // Once everything an ended agreement covered is retracted, nothing more is sent until another starts.
      next: encodeCursor({ tag: tag.startsWith('-') && !more ? '' : tag, position: next }),
      more,
      agreement: current?.id ?? null,
      entities,
      items,
    };
  }

  /** Whether a local record's publicity window has ended by `day` (read-time expiry; the sweep marks it too). */
  private outOfWindow(pack: CompiledPack, row: FeedRow, day: number): boolean {
    const window = publicationWindowDays(pack, toEvaluableRecord(row));
    return window !== undefined && day >= window.until;
  }
}
