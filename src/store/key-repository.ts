/** API keys and the browser sessions obtained from them. */
import { asc, eq, lt } from 'drizzle-orm';
import type { Db } from './database.js';
import { apiKeys, sessions } from './schema.js';

export type KeyRow = typeof apiKeys.$inferSelect;
export type NewKeyRow = typeof apiKeys.$inferInsert;

export async function insertKey(db: Db, row: NewKeyRow): Promise<KeyRow> {
  const [inserted] = await db.insert(apiKeys).values(row).returning();
  return inserted!;
}

export async function findKey(db: Db, id: string): Promise<KeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row;
}

export function listKeys(db: Db): Promise<KeyRow[]> {
  return db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
}

/** Marks the key revoked at `at`; its sessions end with it. */
export async function revokeKey(db: Db, id: string, at: string): Promise<void> {
  await db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id));
  await db.delete(sessions).where(eq(sessions.keyId, id));
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** The key behind a live session token hash. */
export async function findSessionKey(db: Db, tokenHash: string): Promise<{ key: KeyRow; expiresAt: string } | undefined> {
  const [row] = await db
    .select({ key: apiKeys, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(apiKeys, eq(apiKeys.id, sessions.keyId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Drops sessions that ended before `at`. */
export async function deleteExpiredSessions(db: Db, at: string): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, at));
}
