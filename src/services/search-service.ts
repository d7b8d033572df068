/**
 * Search and matching over the register (SPEC §8). Names are ranked by the pure name domain from an
 * in-memory index (docs/search.md says why and what it costs): built from the database on first use or at
 * server start, a page at a time, and kept current by {@link SearchService.onEntitiesChanged}, which the
 * import calls after each committed batch. Results are the same on PGlite and PostgreSQL because the
 * database only supplies the rows.
 */
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors.js';
import { parseIdentifier, type Identifier, type IdentifierRules } from '../domain/identifiers/index.js';
import {
  createNameIndex,
  indexCounts,
  indexEntities,
  indexedEntity,
  loadNameIndex,
  matchEntity,
  removeEntities,
  searchNames,
  snapshotNameIndex,
  type NameIndex,
} from '../domain/names/index.js';
import type { NameLang } from '../domain/taxonomy.js';
import type { Database } from '../store/database.js';
import { searchableEntities, streamSearchableEntities } from '../store/search-repository.js';
import { HeldIndex, inTurns, rebuildBeside } from './changes.js';
import type { Snapshotted } from './index-snapshots.js';

/** Bounds of `limit` for search and match. */
export const SEARCH_LIMIT = { default: 10, max: 100 } as const;

/** An entity as search shows it: id, jurisdiction, names in every script, identifiers. */
export interface SearchEntityView {
  id: string;
  jurisdiction: string;
  names: { value: string; lang?: NameLang }[];
  identifiers: { scheme: string; value: string }[];
}

/** One hit: the entity, a score in [0, 1] and the features that produced it. */
export interface SearchHitView {
  entity: SearchEntityView;
  score: number;
  explanation: string[];
}

/** A match candidate: a hit, and whether its score reaches the match threshold. */
export interface MatchCandidateView extends SearchHitView {
  match: boolean;
}

export interface SearchRequest {
  q: string;
  jurisdiction?: string | undefined;
  limit?: number | undefined;
}

export interface MatchRequest {
  names: { value: string; lang?: NameLang | undefined }[];
  identifiers?: { scheme: string; value: string }[] | undefined;
  jurisdiction?: string | undefined;
  limit?: number | undefined;
}

export interface SearchServiceDeps {
  database: Database;
  identifierRules: IdentifierRules;
  logger: Pick<Logger, 'info'>;
}

export class SearchService {
  private readonly index = new HeldIndex<NameIndex>();
  /** While {@link SearchService.rebuild} runs: the entities changed meanwhile, to apply to the fresh index too. */
  private heardDuringRebuild: Set<string> | undefined;

  constructor(private readonly deps: SearchServiceDeps) {}

  /** Builds the index unless it is built or being built; the server calls it at start. */
  ready(): Promise<NameIndex> {
    return this.index.current ?? this.index.hold(this.build());
  }

  /** The index as index snapshots write and load it (index-snapshots.ts): written only when built. */
  readonly snapshots: Snapshotted = {
    name: 'search',
    key: () => '',
    snapshot: () => {
      const built = this.index.built;
      return built && snapshotNameIndex(built);
    },
    restore: (snapshot) => void this.index.hold(Promise.resolve(loadNameIndex(snapshot))),
  };

  /**
   * Builds a fresh index beside the one in use and swaps it in, searches answering from the old one meanwhile:
   * when changes may have been missed (docs/deploy.md). Changes heard during the build reach both.
   */
  async rebuild(): Promise<void> {
    const heard = new Set<string>();
    this.heardDuringRebuild = heard;
    try {
      await this.index.hold(Promise.resolve(await rebuildBeside(heard, () => this.build(), (fresh, ids) => this.update(fresh, ids))));
    } finally {
      this.heardDuringRebuild = undefined;
    }
  }

  /** Ranks entities for a free-text query: an identifier in any scheme, or a name in any script. */
  async search(request: SearchRequest): Promise<SearchHitView[]> {
    const q = request.q.trim();
    if (q === '') throw new DomainError('INVALID_REQUEST', 'q must not be empty', [{ field: 'q', reason: 'empty' }]);
    const limit = checkLimit(request.limit);
    const index = await this.ready();
    const hits = searchNames(index, q, limit, { identifierRules: this.deps.identifierRules, ...jurisdictionOf(request) });
    return hits.map((hit) => ({ entity: entityOf(index, hit.entityId), score: hit.score, explanation: [...hit.explanation] }));
  }

  /** Scores entities against a partial entity; `match` is true at or above the name-match threshold. */
  async match(request: MatchRequest): Promise<MatchCandidateView[]> {
    const limit = checkLimit(request.limit);
    const identifiers = (request.identifiers ?? []).map((raw, i) => this.identifier(raw, i));
    const index = await this.ready();
    const names = request.names.map((n) => (n.lang === undefined ? { value: n.value } : { value: n.value, lang: n.lang }));
    return matchEntity(index, { names, identifiers, ...jurisdictionOf(request) }, limit).map((c) => ({
      entity: entityOf(index, c.entityId),
      score: c.score,
      match: c.match,
      explanation: [...c.explanation],
    }));
  }

  /**
   * The entity-change listener: re-reads the named entities and updates the index (nothing to do while
   * it is not built: the build reads the current state).
   */
  readonly onEntitiesChanged = async (entityIds: string[]): Promise<void> => {
    const heard = this.heardDuringRebuild;
    if (heard) for (const id of entityIds) heard.add(id);
    const index = this.index.current;
    if (!index) return;
    await this.update(await index, entityIds);
  };

  private async update(index: NameIndex, entityIds: string[]): Promise<void> {
    const found = await searchableEntities(this.deps.database.db, entityIds);
    const present = new Set(found.map((e) => e.id));
    await inTurns(found, (slice) => indexEntities(index, slice));
    removeEntities(index, entityIds.filter((id) => !present.has(id)));
  }

  private async build(): Promise<NameIndex> {
    const started = performance.now();
    const index = createNameIndex();
    // In turns of the event loop: the node answers requests (the register, /healthz) while it builds.
    for await (const page of streamSearchableEntities(this.deps.database)) await inTurns(page, (slice) => indexEntities(index, slice));
    this.deps.logger.info(
      { ...indexCounts(index), ms: Math.round(performance.now() - started) },
      'search index built',
    );
    return index;
  }

  private identifier(raw: { scheme: string; value: string }, i: number): Identifier {
    const parsed = parseIdentifier(raw.scheme, raw.value, this.deps.identifierRules);
    if (!parsed.ok) throw new DomainError('INVALID_REQUEST', `identifiers[${i}]: ${parsed.reason}`, [{ field: `identifiers.${i}`, reason: parsed.reason }]);
    return parsed.identifier;
  }
}

function checkLimit(limit: number | undefined): number {
  const value = limit ?? SEARCH_LIMIT.default;
  if (!Number.isSafeInteger(value) || value < 1 || value > SEARCH_LIMIT.max) {
    throw new DomainError('INVALID_REQUEST', `limit must be a whole number from 1 to ${SEARCH_LIMIT.max}`, [{ field: 'limit', reason: 'out of range' }]);
  }
  return value;
}

function jurisdictionOf(request: { jurisdiction?: string | undefined }): { jurisdiction?: string } {
  return request.jurisdiction === undefined ? {} : { jurisdiction: request.jurisdiction };
}

function entityOf(index: NameIndex, entityId: string): SearchEntityView {
  const { id, jurisdiction, names, identifiers } = indexedEntity(index, entityId)!;
  return { id, jurisdiction, names: names.map((n) => ({ ...n })), identifiers: identifiers.map((i) => ({ ...i })) };
}
