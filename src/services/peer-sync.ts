/**
 * Keeping the processes that share one database consistent (issue 8 §5, docs/deploy.md). This process's changes
 * and policy activations go out on the change bus; the other processes' come in and update the search and check
 * indexes here, as if made here, without being acted on again (notices, watches and branch proposals were
 * handled by the process that made the change). When the bus had to reconnect, messages may have been lost, so
 * the pack is reloaded and both indexes are rebuilt beside the ones in use, which answer until the swap.
 */
import type { Logger } from 'pino';
import type { ChangeBus } from '../store/change-bus.js';
import type { ChangeFeed, EntityChanges } from './changes.js';
import type { PolicyService } from './policy-service.js';
import type { SearchService } from './search-service.js';

/** What processes tell each other: entities changed (a large set goes in several messages), or a pack activated. */
export type PeerMessage = { changes: EntityChanges } | { activated: string };

export interface PeerSyncDeps {
  bus: ChangeBus<PeerMessage>;
  changes: ChangeFeed;
  policy: PolicyService;
  search: SearchService;
  logger: Logger;
}

export class PeerSync {
  /** What else keeps state derived from the register in memory, to refresh after a resync. */
  private readonly refreshers: (() => Promise<void>)[] = [];

  constructor(private readonly deps: PeerSyncDeps) {}

  /** Registers `refresh` to run when changes may have gone unheard, beside the rebuild of both indexes. */
  afterResync(refresh: () => Promise<void>): void {
    this.refreshers.push(refresh);
  }

  /**
   * Starts hearing the other processes. Call it before the indexes are first built, so that no change committed
   * after the build read the database goes unheard.
   */
  listen(): Promise<void> {
    return this.deps.bus.listen({ message: (message) => this.receive(message), resync: () => this.resync() });
  }

  /** Whether this process runs the periodic jobs (sweeps, pulls); on PGlite always. */
  lead(): Promise<boolean> {
    return this.deps.bus.lead();
  }

  close(): Promise<void> {
    return this.deps.bus.close();
  }

  /**
   * Tells the others which entities changed here (a change listener). A failure is logged, not thrown: the change
   * has committed, and a database this process cannot reach has most likely dropped the others' listening
   * connections too, which makes them rebuild when they reconnect.
   */
  readonly onEntitiesChanged = async (changes: EntityChanges): Promise<void> => {
    const { bus, logger } = this.deps;
    if (!bus.shared) return;
    try {
      for (const part of splitChanges(changes, bus.room)) await bus.publish({ changes: part });
    } catch (error) {
      logger.error({ err: error }, 'telling other processes of a change failed');
    }
  };

  /** Tells the others that a pack was activated here (an activation listener); failures as above. */
  readonly onPolicyActivated = async (): Promise<void> => {
    const { bus, policy, logger } = this.deps;
    await bus.publish({ activated: policy.pack.version }).catch((error: unknown) => logger.error({ err: error }, 'telling other processes of an activation failed'));
  };

  /** Applies another process's message; when that fails, rebuilds rather than answer from a stale index. */
  private async receive(message: PeerMessage): Promise<void> {
    const { changes, policy, logger } = this.deps;
    try {
      if ('changes' in message) await changes.replay(message.changes);
      else {
        await policy.reload();
        logger.info({ version: message.activated }, 'another process activated a policy version');
      }
    } catch (error) {
      logger.error({ err: error }, 'applying another process’s change failed; rebuilding the indexes');
      await this.resync();
    }
  }

  private async resync(): Promise<void> {
    const { policy, search } = this.deps;
    await Promise.all([policy.rebuild(), search.rebuild(), ...this.refreshers.map((refresh) => refresh())]);
  }
}

/**
 * Splits `changes` into parts whose message (`{ changes: part }`) takes at most `room` bytes of JSON, each with
 * the same cause; together they name every entity once, in order.
 *
 * @example splitChanges({ register: [], records: ids, cause: 'import' }, 7_900) // 5,000 uuids → 26 parts
 */
export function splitChanges(changes: EntityChanges, room: number): EntityChanges[] {
  const empty = (): EntityChanges => ({ register: [], records: [], cause: changes.cause });
  const base = Buffer.byteLength(JSON.stringify({ changes: empty() }));
  const parts: EntityChanges[] = [];
  let part = empty();
  let size = base;
  for (const list of ['register', 'records'] as const) {
    for (const id of changes[list]) {
      // The id quoted, and a comma (one too many for the first of a list: a byte of slack).
      const cost = Buffer.byteLength(JSON.stringify(id)) + 1;
      if (size + cost > room && size > base) {
        parts.push(part);
        part = empty();
        size = base;
      }
      part[list].push(id);
      size += cost;
    }
  }
  if (size > base || parts.length === 0) parts.push(part);
  return parts;
}
