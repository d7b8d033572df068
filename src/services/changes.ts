/**
 * The app's change feed: whoever changes entities or their records (import, recording, objections,
 * repairs) publishes which entities changed, after the change committed; derived state subscribes in the
 * order it depends on each other (branch proposals and search, then the check index, then notices and
 * watches, which read the check index).
 *
 * Several processes may share one database (docs/deploy.md): a listener that keeps in-memory state (the
 * search and check indexes) must hear every process's changes, and subscribes with `everyProcess`;
 * {@link ChangeFeed.replay} hands it another process's changes. Listeners that write to the database
 * (branch proposals, notices, watches) hear only this process's changes, so that each change is acted on once.
 */

import { setImmediate as nextTurn } from 'node:timers/promises';

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

/**
 * Builds a fresh copy of in-memory state with `build` while the current copy keeps answering and hearing changes,
 * then applies to it the entities changed meanwhile — `heard`, which the state's change listener fills during the
 * build — until none is left. The caller swaps it in at once (no await in between).
 */
export async function rebuildBeside<T>(heard: Set<string>, build: () => Promise<T>, update: (fresh: T, entityIds: string[]) => Promise<void>): Promise<T> {
  const fresh = await build();
  for (let ids = [...heard]; ids.length > 0; ids = [...heard]) {
    heard.clear();
    await update(fresh, ids);
  }
  return fresh;
}

/**
 * An in-memory index built on first use: the build its callers share, and the index once that build resolved, for
 * synchronous use. A failed build is dropped, so that the next caller builds again.
 */
export class HeldIndex<T> {
  private held: Promise<T> | undefined;
  private resolved: { of: Promise<T>; index: T } | undefined;

  /** The build (or built index) in use, if any. */
  get current(): Promise<T> | undefined {
    return this.held;
  }

  /** The index in use when it is built, else undefined. */
  get built(): T | undefined {
    return this.resolved !== undefined && this.resolved.of === this.held ? this.resolved.index : undefined;
  }

  /** Makes `building` the index in use. */
  hold(building: Promise<T>): Promise<T> {
    const held: Promise<T> = building.then(
      (index) => {
        if (this.held === held) this.resolved = { of: held, index };
        return index;
      },
      (error: unknown) => {
        if (this.held === held) this.held = undefined;
        throw error;
      },
    );
    this.held = held;
    return held;
  }

  /** Drops the index in use: the next use builds one. */
  drop(): void {
    this.held = undefined;
  }
}

/** Entities a listener re-evaluates or re-analyses between two turns of the event loop: about a millisecond of work. */
export const ENTITIES_PER_TURN = 32;

/**
 * Runs `work` over `items` a slice of `perTurn` at a time, letting the event loop turn between slices. A listener
 * applying a large change (an import batch, another process's message) then holds up the checks waiting behind
 * it by about a millisecond at a time instead of for the whole change.
 */
export async function inTurns<T>(items: readonly T[], work: (slice: readonly T[]) => void, perTurn = ENTITIES_PER_TURN): Promise<void> {
  for (let i = 0; i < items.length; i += perTurn) {
    if (i > 0) await nextTurn();
    work(items.slice(i, i + perTurn));
  }
}

export interface SubscribeOptions {
  /** Also hear the changes other processes made ({@link ChangeFeed.replay}): for in-memory state. */
  everyProcess?: boolean;
}

export class ChangeFeed {
  private readonly listeners: { listener: ChangeListener; everyProcess: boolean }[] = [];

  /** Adds a listener; listeners run one after another, in the order they subscribed. */
  subscribe(listener: ChangeListener, options: SubscribeOptions = {}): void {
    this.listeners.push({ listener, everyProcess: options.everyProcess ?? false });
  }

  /** Tells every listener of changes this process made; resolves when all have caught up. */
  async publish(changes: EntityChanges): Promise<void> {
    if (changes.register.length + changes.records.length === 0) return;
    for (const { listener } of this.listeners) await listener(changes);
  }

  /** Tells the `everyProcess` listeners of changes another process made; resolves when they have caught up. */
  async replay(changes: EntityChanges): Promise<void> {
    if (changes.register.length + changes.records.length === 0) return;
    for (const { listener, everyProcess } of this.listeners) if (everyProcess) await listener(changes);
  }
}
