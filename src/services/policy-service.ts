/**
 * The active policy pack of this node and the check index built on it (issue 3): loading the pack at start,
 * building the index from the register and keeping it current as imports commit, simulating a candidate
 * pack against current data, and activating a new version.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { canonicalJson } from '../domain/canonical-json.js';
import { gbaDay, type Clock } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { compilePack, type CompiledPack } from '../domain/policy/compile.js';
import { fromDay } from '../domain/policy/dates.js';
import type { NodeId } from '../domain/taxonomy.js';
import { readPackFiles } from '../policy/load-pack.js';
import { PolicyPackError } from '../policy/pack-error.js';
import type { PolicyPack } from '../policy/pack-schema.js';
import { simulatePack, type SimulationReport } from '../policy/simulate.js';
import { validatePack } from '../policy/validate-pack.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database } from '../store/database.js';
import { loadEvaluationInputs, readEvaluationPages } from '../store/evaluation-repository.js';
import { hasPolicyVersion, insertPolicyVersion, latestPolicyVersion } from '../store/policy-repository.js';
import { HeldIndex, inTurns, rebuildBeside } from './changes.js';
import { DecisionIndex } from './decision-index.js';
import type { Snapshotted } from './index-snapshots.js';

/** Entities re-evaluated per query when an import reports changes. */
const CHANGE_CHUNK = 5_000;

export interface PolicyServiceDeps {
  database: Database;
  node: NodeId;
  clock: Clock;
  logger: Logger;
  /** The pack directory used until a version is activated in the database. */
  packDir: string;
}

export interface Activation {
  version: string;
  previousVersion: string;
  activatedAt: string;
}

export class PolicyService {
  private active: CompiledPack | undefined;
  private activeFiles: Readonly<Record<string, unknown>> | undefined;
  private readonly index = new HeldIndex<DecisionIndex>();
  /** While {@link PolicyService.rebuild} runs: the entities changed meanwhile, to apply to the fresh index too. */
  private heardDuringRebuild: Set<string> | undefined;
  private readonly activationListeners: (() => Promise<void>)[] = [];

  constructor(private readonly deps: PolicyServiceDeps) {}

  /** Adds a listener run after each activation, once checks answer under the new pack (watches re-compare). */
  /** The active pack's files as `validatePack` takes them: where a candidate is drafted from. */
  get files(): { version: string; files: Readonly<Record<string, unknown>> } {
    if (!this.active || !this.activeFiles) throw new Error('PolicyService.start() has not run');
    return { version: this.active.version, files: this.activeFiles };
  }

  afterActivation(listener: () => Promise<void>): void {
    this.activationListeners.push(listener);
  }

  /** Loads the active pack: the latest version activated in the database, else the pack directory. */
  async start(): Promise<void> {
    const { database, node, packDir } = this.deps;
    const row = await latestPolicyVersion(database.db, node);
    const files = row ? row.content : await readPackFiles(packDir);
    const pack = validatePack(files, row ? `policy version ${row.version} activated ${row.activatedAt}` : packDir);
    this.active = compilePack(this.forThisNode(pack));
    this.activeFiles = files;
    this.deps.logger.info({ version: pack.manifest.version, source: row ? 'database' : packDir }, 'policy pack loaded');
  }

  /**
   * Loads the active pack again from the database and drops the check index, rebuilt on next use: after another
   * process sharing the database activated a version (docs/deploy.md).
   */
  async reload(): Promise<void> {
    await this.start();
    this.index.drop();
  }

  /**
   * After changes may have been missed (docs/deploy.md): loads the active pack again; under the same version,
   * builds a fresh index beside the one in use and swaps it in, checks answering from the old one meanwhile, and
   * changes heard during the build reaching both. Under a new version, as {@link PolicyService.reload}.
   */
  async rebuild(): Promise<void> {
    const version = this.active?.version;
    await this.start();
    const pack = this.pack;
    if (pack.version !== version || !this.index.current) {
      this.index.drop();
      return;
    }
    const heard = new Set<string>();
    this.heardDuringRebuild = heard;
    try {
      const fresh = await rebuildBeside(heard, () => this.build(pack), (index, ids) => this.update(index, ids));
      // An activation meanwhile dropped the index: the next use builds it under the new pack.
      if (this.active === pack) await this.index.hold(Promise.resolve(fresh));
    } finally {
      this.heardDuringRebuild = undefined;
    }
  }

  /**
   * The check index as index snapshots write and load it (index-snapshots.ts): valid for the active pack's exact
   * content, and written only when built and current.
   */
  readonly snapshots: Snapshotted = {
    name: 'checks',
    key: () => `${this.pack.version}:${createHash('sha256').update(canonicalJson(this.files.files)).digest('hex')}`,
    snapshot: () => this.builtIndex()?.snapshot(),
    restore: (snapshot) => void this.index.hold(Promise.resolve(DecisionIndex.load(this.pack, snapshot))),
  };

  /** The active pack, compiled. */
  get pack(): CompiledPack {
    if (!this.active) throw new Error('PolicyService.start() was not called');
    return this.active;
  }

  /** Today's day number in the GBA, from the clock. */
  today(): number {
    return gbaDay(this.deps.clock());
  }

  /**
   * The check index of the active pack, built on first use by streaming the register a page at a time.
   * Concurrent callers share one build; a failed build is retried by the next caller.
   */
  decisionIndex(): Promise<DecisionIndex> {
    return this.index.current ?? this.index.hold(this.build(this.pack));
  }

  /** The check index when it is built and current (the check's synchronous way to it), else undefined. */
  builtIndex(): DecisionIndex | undefined {
    return this.index.built;
  }

  /**
   * Re-evaluates entities an import changed (an `EntityChangeListener`). Before the index is first used, or
   * when its build failed, there is nothing to update: the next build reads the committed state.
   */
  readonly onEntitiesChanged = async (entityIds: string[]): Promise<void> => {
    const heard = this.heardDuringRebuild;
    if (heard) for (const id of entityIds) heard.add(id);
    const index = await this.index.current?.catch(() => undefined);
    if (index) await this.update(index, entityIds);
  };

  private async update(index: DecisionIndex, entityIds: string[]): Promise<void> {
    for (let i = 0; i < entityIds.length; i += CHANGE_CHUNK) {
      const day = this.today();
      const inputs = await loadEvaluationInputs(this.deps.database.db, entityIds.slice(i, i + CHANGE_CHUNK));
      await inTurns(inputs, (slice) => slice.forEach((input) => index.put(input, day)));
    }
  }

  /**
   * Evaluates the candidate pack (files as `validatePack` takes them) against the whole register today,
   * beside the active pack, without changing anything.
   */
  async simulate(files: Readonly<Record<string, unknown>>): Promise<SimulationReport> {
    const candidate = compilePack(this.validate(files));
    return simulatePack(this.pack, candidate, readEvaluationPages(this.deps.database.db), fromDay(this.today()));
  }

  /**
   * Makes the candidate pack the active one: validated, stored with its activation time, audited; the index
   * is rebuilt under it on next use. Its version must be new. Resolves after the `afterActivation` listeners.
   */
  async activate(files: Readonly<Record<string, unknown>>, actor: string): Promise<Activation> {
    const pack = this.validate(files);
    const { database, node, clock } = this.deps;
    const version = pack.manifest.version;
    const previousVersion = this.pack.version;
    if (version === previousVersion || (await hasPolicyVersion(database.db, node, version))) {
      throw new DomainError('CONFLICT', `policy version ${version} was already used on node ${node}; give the changed pack a new version`, [
        { field: 'pack.yaml version', reason: 'already used' },
      ]);
    }
    const at = clock();
    await database.transaction(async (tx) => {
      await insertPolicyVersion(tx.db, { node, version, content: { ...files }, activatedAt: at.toISOString(), activatedBy: actor });
      await appendAudit(tx.db, { at, actor, action: 'policy.activate', subject: `policy:${node}`, detail: { version, previousVersion } });
    });
    this.active = compilePack(pack);
    this.activeFiles = { ...files };
    this.index.drop();
    this.deps.logger.info({ version, previousVersion }, 'policy pack activated');
    for (const listener of this.activationListeners) await listener();
    return { version, previousVersion, activatedAt: at.toISOString() };
  }

  private async build(pack: CompiledPack): Promise<DecisionIndex> {
    const started = Date.now();
    const index = new DecisionIndex(pack);
    const day = this.today();
    // In turns of the event loop: the node answers requests (the register, /healthz) while it builds.
    for await (const page of readEvaluationPages(this.deps.database.db)) await inTurns(page, (slice) => slice.forEach((input) => index.put(input, day)));
    this.deps.logger.info({ entities: index.size, ms: Date.now() - started, version: pack.version }, 'check index built');
    return index;
  }

  /** Validates a pack for this node, turning a refused pack into a domain error naming each issue. */
  private validate(files: Readonly<Record<string, unknown>>): PolicyPack {
    try {
      return this.forThisNode(validatePack(files));
    } catch (error) {
      if (!(error instanceof PolicyPackError)) throw error;
      const problems = error.issues.map((i) => ({ field: `${i.file}${i.path ? ` ${i.path}` : ''}`, reason: i.message }));
      throw new DomainError('POLICY_PACK_INVALID', error.message, problems);
    }
  }

  private forThisNode(pack: PolicyPack): PolicyPack {
    if (pack.manifest.node !== this.deps.node) {
      throw new DomainError('POLICY_PACK_INVALID', `the pack is for node ${pack.manifest.node}, this is node ${this.deps.node}`, [
        { field: 'pack.yaml node', reason: `must be ${this.deps.node}` },
      ]);
    }
    return pack;
  }
}
