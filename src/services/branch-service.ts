/**
 * Branch proposals (BRIEF §3.1): a Mainland branch's name begins with the full name of the enterprise it
 * belongs to and ends with 分公司 / 分行 / 支行. After each import batch, the changed entities whose legal
 * names read as branch names are linked `branch-of` to the one entity bearing the parent name, unless the
 * relation is already there; each batch of proposals is one audit entry.
 */
import type { Clock } from '../domain/dates.js';
import { branchParentName } from '../domain/names/index.js';
import type { Jurisdiction } from '../domain/taxonomy.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database } from '../store/database.js';
import { entitiesByLegalName, insertMissingRelations, legalNamesOfEntities } from '../store/search-repository.js';

/** Branch names follow the Mainland naming rules only. */
const MAINLAND: Jurisdiction = 'GD';

export class BranchService {
  constructor(private readonly deps: { database: Database; clock: Clock }) {}

  /**
   * The entity-change listener: proposes `branch-of` relations for the changed entities that are
   * branches. A parent name borne by several entities proposes nothing.
   */
  readonly onEntitiesChanged = async (entityIds: string[]): Promise<void> => {
    const { database, clock } = this.deps;
    const branches = (await legalNamesOfEntities(database.db, entityIds, MAINLAND)).flatMap((n) => {
      const parentName = branchParentName(n.value);
      return parentName === null ? [] : [{ entityId: n.entityId, parentName }];
    });
    if (branches.length === 0) return;
    const bearers = new Map<string, Set<string>>();
    for (const p of await entitiesByLegalName(database.db, [...new Set(branches.map((b) => b.parentName))], MAINLAND)) {
      bearers.set(p.value, (bearers.get(p.value) ?? new Set()).add(p.entityId));
    }
    const proposals = branches.flatMap(({ entityId, parentName }) => {
      const [targetId, ...others] = bearers.get(parentName) ?? [];
      return targetId !== undefined && others.length === 0 && targetId !== entityId
        ? [{ entityId, kind: 'branch-of' as const, targetId }]
        : [];
    });
    if (proposals.length === 0) return;
    await database.transaction(async (tx) => {
      const added = await insertMissingRelations(tx.db, proposals);
      if (added.length > 0) {
        await appendAudit(tx.db, {
          at: clock(),
          actor: 'branch-proposal',
          action: 'relation.propose',
          subject: 'entity-relations',
          detail: { relations: added.map((r) => ({ entityId: r.entityId, kind: r.kind, targetId: r.targetId })) },
        });
      }
    });
  };
}
