/**
 * Name domain for search and matching (SPEC §8, BRIEF §3): take names apart, score pairs with
 * explanations, give blocking keys to an index, and read a branch's parent name.
 */
export { analyseName } from './analyse.js';
export { branchParentName } from './branch.js';
export { nameKeys } from './keys.js';
export { NAME_MATCH_THRESHOLD, prepareQuery, scoreName, scorePrepared, type NameScore, type PreparedQuery } from './similarity.js';
export type { AnalysedName, LegalForm, LegalFormKind, NameLang, NameScript, Region, RegionForm } from './types.js';
export {
  buildNameIndex,
  createNameIndex,
  indexCounts,
  indexEntities,
  indexedEntity,
  indexedEntityIds,
  indexedNames,
  removeEntities,
  searchNames,
  type NameIndex,
  type SearchHit,
  type SearchableEntity,
} from './name-index.js';
export { loadNameIndex, snapshotNameIndex } from './name-snapshot.js';
export { matchEntity, type MatchCandidate, type MatchQuery } from './match.js';
export { evaluateRankings, evaluateSearch, type EvaluationReport, type LabelledQuery, type RankedHit, type SearchFigures } from './evaluate.js';
