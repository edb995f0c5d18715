/**
 * Name matching for the person search (issue 6): normalisation and
 * transliteration, Indian-name phonetic keys, the ranked SQL search and its
 * explanation. Pure library code with no tables of its own; the people module
 * stores `nameIndexFields(name)` in its columns and searches with
 * `buildNameSearchSql`.
 */
export { nameIndexFields, queryFields, TOKEN_WEIGHT, type NameIndexFields, type NameQueryFields } from './fields.js';
export { buildNameSearchSql, quoteIdent, DEFAULT_CANDIDATE_LIMIT } from './sql.js';
export type { NameSearchColumns, NameSearchFilter, NameSearchOptions, SqlQuery } from './sql.js';
export {
  explainMatch,
  fmt2,
  agreementOf,
  matchKind,
  CREDIT,
  MATCH_THRESHOLD,
  WEIGHTS,
  type MatchCandidate,
  type MatchContext,
  type MatchExplanation,
  type MatchKind,
  type TokenMatch,
} from './score.js';
export { devanagariToLatin, hasDevanagari } from './devanagari.js';
export { normaliseName, foldToken, type NameToken } from './normalise.js';
export { phoneticKey, coarseKey } from './keys.js';
export { trigramSimilarity, levenshtein } from './trigram.js';
