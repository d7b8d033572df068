/**
 * API keys and browser sessions (issue 4 §1). A key is `crd_<id>_<secret>`: the id finds the row, the
 * secret is compared by its SHA-256 in constant time. Secrets are shown once, at creation, and never stored.
 * A browser session is a random token obtained with a key and kept in an HttpOnly cookie; it ends with the
 * key (revocation, expiry) or after `SESSION_HOURS`.
 *
 * Authentication is on the hot path of every check, so answers are cached for `CACHE_MS`; revoking a key
 * in this process drops the cache at once, other processes see it within `CACHE_MS`.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS, OFFICER_DUTIES, ROLES, type OfficerDuty, type Principal, type Role } from '../domain/access.js';
import { stateDigest } from '../domain/audit-chain.js';
import type { Clock } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { MEASURE_CONTEXTS } from '../domain/policy/vocabulary.js';
import type { NodeId } from '../domain/taxonomy.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database } from '../store/database.js';
import { deleteExpiredSessions, deleteSession, findKey, findSessionKey, insertKey, insertSession, listKeys, revokeKey, type KeyRow, type NewKeyRow } from '../store/key-repository.js';
import type { EntityService } from './entity-service.js';

const KEY_PATTERN = /^crd_([0-9a-f]{32})_([A-Za-z0-9_-]{32})$/;
const SESSION_PATTERN = /^crs_[A-Za-z0-9_-]{43}$/;
const SESSION_HOURS = 8;
const CACHE_MS = 30_000;

export interface NewKey {
  role: Role;
  label: string;
  /** For `entity`: the entity reference. */
  entity?: string;
  /** For `officer`: the authority id, which must belong to this node's jurisdiction (`gd-…`). */
  authority?: string;
  duties?: string[];
  /** For `service`: the check contexts it may ask about. */
  contexts?: string[];
  /** For `partner`: the partner node. */
  partnerNode?: string;
  /** Last moment the key works (ISO timestamp); absent for no expiry. */
  expiresAt?: string;
}

export interface KeyView {
  id: string;
  label: string;
  role: Role;
  entityId: string | null;
  authority: string | null;
  duties: string[];
  contexts: string[] | null;
  partnerNode: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CreatedKey extends KeyView {
  /** The secret key: shown this once. */
  key: string;
}

export class KeyService {
  private readonly cache = new Map<string, { principal: Principal; until: number; keyId: string }>();

  constructor(private readonly deps: { database: Database; entities: EntityService; node: NodeId; clock: Clock }) {}

  /** Creates a key; the returned `key` is the only time the secret is seen. Audited with `actor`. */
  async create(input: NewKey, actor: string): Promise<CreatedKey> {
    const { database, clock } = this.deps;
    const row = await this.validate(input);
    const secret = randomBytes(24).toString('base64url');
    const id = randomUUID();
    const created = await database.transaction(async (tx) => {
      const inserted = await insertKey(tx.db, { ...row, id, secretHash: sha256(secret) });
      await appendAudit(tx.db, { at: clock(), actor, action: 'key.create', subject: `key:${id}`, detail: { after: stateDigest(viewOf(inserted)), role: inserted.role } });
      return inserted;
    });
    return { ...viewOf(created), key: `crd_${id.replace(/-/g, '')}_${secret}` };
  }

  async list(): Promise<KeyView[]> {
    return (await listKeys(this.deps.database.db)).map(viewOf);
  }

  /** Revokes a key and ends its sessions. Revoking a revoked key changes nothing. */
  async revoke(id: string, actor: string): Promise<KeyView> {
    const { database, clock } = this.deps;
    const key = await this.find(id);
    if (key.revokedAt) return viewOf(key);
    const at = clock().toISOString();
    await database.transaction(async (tx) => {
      await revokeKey(tx.db, key.id, at);
      await appendAudit(tx.db, { at: clock(), actor, action: 'key.revoke', subject: `key:${key.id}`, detail: { before: stateDigest(viewOf(key)), after: stateDigest({ ...viewOf(key), revokedAt: at }) } });
    });
    for (const [token, cached] of this.cache) if (cached.keyId === key.id) this.cache.delete(token);
    return { ...viewOf(key), revokedAt: at };
  }

  /**
   * The principal behind an `Authorization: Bearer` key or a session token; `ANONYMOUS` when there is
   * none. A malformed, unknown, expired or revoked credential is UNAUTHENTICATED, never anonymous. Answered
   * synchronously while the credential is cached (every request of a busy caller), from the database otherwise.
   */
  authenticate(credential: { key?: string; session?: string }): Principal | Promise<Principal> {
    const token = credential.key ?? credential.session;
    if (token === undefined) return ANONYMOUS;
    const cached = this.cache.get(token);
    if (cached && cached.until > this.deps.clock().getTime()) return cached.principal;
    return this.lookUp(token, credential.key !== undefined);
  }

  private async lookUp(token: string, isKey: boolean): Promise<Principal> {
    const now = this.deps.clock().getTime();
    const key = isKey ? await this.keyOf(token) : await this.sessionKey(token);
    const refusal = key && unusable(key.row, now, key.sessionEnds);
    if (!key || refusal) {
      this.cache.delete(token);
      throw new DomainError('UNAUTHENTICATED', refusal ?? 'the key or session is not valid');
    }
    const principal = principalOf(key.row);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(token, { principal, until: now + CACHE_MS, keyId: key.row.id });
    return principal;
  }

  /**
   * Opens a browser session for the key behind `principal`; returns the cookie token and its end, also as
   * `maxAgeSeconds` for the cookie: a browser judges an absolute `Expires` by its own clock, which need not
   * agree with the node's.
   */
  async openSession(principal: Principal): Promise<{ token: string; expiresAt: string; maxAgeSeconds: number }> {
    if (principal.role === 'anonymous') throw new DomainError('UNAUTHENTICATED', 'a session is obtained with a key: send "Authorization: Bearer <key>"');
    const { database, clock } = this.deps;
    const key = await this.find(principal.keyId);
    const now = clock();
    let ends = now.getTime() + SESSION_HOURS * 3_600_000;
    if (key.expiresAt) ends = Math.min(ends, Date.parse(key.expiresAt));
    const token = `crs_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(ends).toISOString();
    await deleteExpiredSessions(database.db, now.toISOString());
    await insertSession(database.db, { tokenHash: sha256(token), keyId: key.id, expiresAt });
    return { token, expiresAt, maxAgeSeconds: Math.max(0, Math.floor((ends - now.getTime()) / 1000)) };
  }

  async closeSession(token: string): Promise<void> {
    this.cache.delete(token);
    await deleteSession(this.deps.database.db, sha256(token));
  }

  private async find(id: string): Promise<KeyRow> {
    const key = /^[0-9a-f-]{32,36}$/i.test(id) ? await findKey(this.deps.database.db, normaliseId(id)) : undefined;
    if (!key) throw new DomainError('NOT_FOUND', `no key with id ${id}`);
    return key;
  }

  private async keyOf(token: string): Promise<{ row: KeyRow; sessionEnds?: string } | undefined> {
    const match = KEY_PATTERN.exec(token);
    if (!match) return undefined;
    const row = await findKey(this.deps.database.db, normaliseId(match[1]!));
    if (!row) return undefined;
    const given = Buffer.from(sha256(match[2]!), 'hex');
    return timingSafeEqual(given, Buffer.from(row.secretHash, 'hex')) ? { row } : undefined;
  }

  private async sessionKey(token: string): Promise<{ row: KeyRow; sessionEnds?: string } | undefined> {
    if (!SESSION_PATTERN.test(token)) return undefined;
    const found = await findSessionKey(this.deps.database.db, sha256(token));
    return found && { row: found.key, sessionEnds: found.expiresAt };
  }

  private async validate(input: NewKey): Promise<Omit<NewKeyRow, 'id' | 'secretHash'>> {
    const { node } = this.deps;
    const problems: { field: string; reason: string }[] = [];
    const need = (field: keyof NewKey, present: boolean, role: Role) => {
      if (present && input.role !== role) problems.push({ field, reason: `only a ${role} key takes ${field}` });
      if (!present && input.role === role) problems.push({ field, reason: `a ${role} key needs ${field}` });
    };
    if (!ROLES.includes(input.role)) problems.push({ field: 'role', reason: `must be one of ${ROLES.join(', ')}` });
    if (input.label.trim() === '') problems.push({ field: 'label', reason: 'must not be empty' });
    need('entity', input.entity !== undefined, 'entity');
    need('authority', input.authority !== undefined, 'officer');
    need('contexts', input.contexts !== undefined, 'service');
    need('partnerNode', input.partnerNode !== undefined, 'partner');
    if (input.duties !== undefined && input.role !== 'officer') problems.push({ field: 'duties', reason: 'only an officer key has duties' });
    if (input.authority !== undefined && !new RegExp(`^${node}-[a-z0-9-]+$`).test(input.authority)) {
      problems.push({ field: 'authority', reason: `must be an authority of this node's jurisdiction, such as ${node}-samr` });
    }
    for (const duty of input.duties ?? []) {
      if (!OFFICER_DUTIES.includes(duty as OfficerDuty)) problems.push({ field: 'duties', reason: `${duty} is not one of ${OFFICER_DUTIES.join(', ')}` });
    }
    if (input.contexts !== undefined && input.contexts.length === 0) problems.push({ field: 'contexts', reason: 'name at least one check context' });
    for (const context of input.contexts ?? []) {
      if (!(MEASURE_CONTEXTS as readonly string[]).includes(context)) problems.push({ field: 'contexts', reason: `${context} is not one of ${MEASURE_CONTEXTS.join(', ')}` });
    }
    if (input.partnerNode !== undefined && (input.partnerNode === node || !['gd', 'hk', 'mo'].includes(input.partnerNode))) {
      problems.push({ field: 'partnerNode', reason: `must be another node than ${node}: gd, hk or mo` });
    }
    if (input.expiresAt !== undefined && !(Date.parse(input.expiresAt) > this.deps.clock().getTime())) {
      problems.push({ field: 'expiresAt', reason: 'must be a time in the future' });
    }
    if (problems.length > 0) throw new DomainError('INVALID_REQUEST', `cannot create the key: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`, problems);
    return {
      label: input.label.trim(),
      role: input.role,
      entityId: input.entity !== undefined ? await this.deps.entities.resolve(input.entity) : null,
      authority: input.authority ?? null,
      duties: [...new Set(input.duties ?? [])].sort(),
      contexts: input.contexts ? [...new Set(input.contexts)].sort() : null,
      partnerNode: input.partnerNode ?? null,
      expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
    };
  }
}

/** The reason a key cannot be used at `now`, if any. */
function unusable(row: KeyRow, now: number, sessionEnds?: string): string | undefined {
  if (row.revokedAt) return `key ${row.id} was revoked at ${row.revokedAt}`;
  if (row.expiresAt && Date.parse(row.expiresAt) <= now) return `key ${row.id} expired at ${row.expiresAt}`;
  if (sessionEnds && Date.parse(sessionEnds) <= now) return 'the session has ended; sign in again with your key';
  return undefined;
}

function principalOf(row: KeyRow): Principal {
  const keyId = row.id;
  switch (row.role as Role) {
    case 'entity':
      return { role: 'entity', keyId, entityId: row.entityId! };
    case 'officer':
      return { role: 'officer', keyId, authority: row.authority!, duties: row.duties as OfficerDuty[] };
    case 'policy-admin':
      return { role: 'policy-admin', keyId };
    case 'service':
      return { role: 'service', keyId, contexts: row.contexts ?? [] };
    case 'partner':
      return { role: 'partner', keyId, node: row.partnerNode as NodeId };
  }
}

function viewOf(row: KeyRow): KeyView {
  const { secretHash: _secret, ...view } = row;
  return { ...view, role: view.role as Role, createdAt: iso(view.createdAt)!, expiresAt: iso(view.expiresAt), revokedAt: iso(view.revokedAt) };
}

/** Timestamps as ISO strings whichever form the driver returned them in. */
function iso(time: string | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

function normaliseId(id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

