/**
 * The app's change feed: whoever changes entities or their records (import, recording, objections,
 * repairs) publishes which entities changed, after the change committed; derived state subscribes in the
 * order it depends on each other (branch proposals and search, then the check index, then notices and
 * watches, which read the check index).
 */

/** Why things changed, for watchers and logs: `import`, `record`, `objection`, `repair`, `policy`, `expiry`, `exchange` (a partner's feed). */
export type ChangeCause = 'import' | 'record' | 'objection' | 'repair' | 'policy' | 'expiry' | 'exchange';

export interface EntityChanges {
  /** Entities whose own entry changed: identifiers, names, status, relations. */
  register: string[];
  /** Entities whose records (or the objections and repairs about them) changed. */
  records: string[];
  cause: ChangeCause;
}

export type ChangeListener = (changes: EntityChanges) => Promise<void>;

export class ChangeFeed {
  private readonly listeners: ChangeListener[] = [];

  /** Adds a listener; listeners run one after another, in the order they subscribed. */
  subscribe(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Tells every listener; resolves when all have caught up. */
  async publish(changes: EntityChanges): Promise<void> {
    if (changes.register.length + changes.records.length === 0) return;
    for (const listener of this.listeners) await listener(changes);
  }
}
