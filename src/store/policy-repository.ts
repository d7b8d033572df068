/** Activated policy pack versions (`policy_versions`): the latest row of a node is its active pack. */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './database.js';
import { policyVersions } from './schema.js';

export type PolicyVersionRow = typeof policyVersions.$inferSelect;

/** The most recently activated version of `node`'s pack, if any was ever activated. */
export async function latestPolicyVersion(db: Db, node: string): Promise<PolicyVersionRow | undefined> {
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.node, node)).orderBy(desc(policyVersions.id)).limit(1);
  return row;
}

/** Records an activation; call inside the transaction that audits it. */
export async function insertPolicyVersion(db: Db, row: Omit<PolicyVersionRow, 'id'>): Promise<void> {
  await db.insert(policyVersions).values(row);
}

/** Whether `version` of `node`'s pack was ever activated (versions are never reused). */
export async function hasPolicyVersion(db: Db, node: string, version: string): Promise<boolean> {
  const rows = await db
    .select({ id: policyVersions.id })
    .from(policyVersions)
    .where(and(eq(policyVersions.node, node), eq(policyVersions.version, version)))
    .limit(1);
  return rows.length > 0;
}
