/**
 * The two entry points other modules call: what to store when a name is saved,
 * and what to search with when a name is typed into the search box.
 */
import { COARSE_PREFIX, coarseKey, initialKey, phoneticKey } from './keys.js';
import { normaliseName, type NameToken } from './normalise.js';

/** Stored, indexed columns for one name. */
export interface NameIndexFields {
  /**
   * Folded Latin form, tokens joined by one space ("rajes kumar srivastava").
   * Stored as `name_norm` with a GIN `gin_trgm_ops` index.
   */
  norm: string;
  /**
   * One key per token of `norm`, in the same order: a phonetic key ("RJIS")
   * or, for an initial, the letter and a dot ("r."). Then, for each distinct
   * full token, its coarse key with a "~" prefix ("~RJS"), which is what
   * candidates are fetched by. Stored as `name_keys text[]` with a GIN index.
   * The order matters: the SQL ranking pairs `name_keys[i]` with the i-th word
   * of `name_norm` and skips the "~" entries when scoring.
   */
  keys: string[];
  /** The tokens of `norm`. */
  tokens: string[];
  /** First letter of each token, in order ("rks" for R. K. Sharma). */
  initials: string;
}

/** Everything the ranking needs about a query (see `sql.ts` and `score.ts`). */
export interface NameQueryFields extends NameIndexFields {
  /** Weight of each token in the token score: 1 full, 0.3 filler, 0.5 initial. */
  weights: number[];
  /** Each token as the user typed it (after transliteration), for "why matched". */
  display: string[];
  /** Coarse key of each token, aligned with `tokens` ("" for an initial). */
  coarse: string[];
  /**
   * Keys used to fetch candidates through the GIN index (`name_keys && …`):
   * the "~" coarse keys of the full, non-filler tokens (the exact key when the
   * coarse one has fewer than three letters); of the fillers only when nothing
   * else is given. Initials are never used, since every tenth name starts with R.
   */
  retrievalKeys: string[];
}

/** Coarse keys shorter than this are not used to fetch candidates. */
export const MIN_COARSE_RETRIEVAL = 3;

/** Token weights in the token score. Exported so the docs and tests cite one place. */
export const TOKEN_WEIGHT = { full: 1, filler: 0.3, initial: 0.5 } as const;

function keyOf(t: NameToken): string {
  return t.initial ? initialKey(t.text) : phoneticKey(t.text);
}

function indexFields(tokens: NameToken[]): NameIndexFields {
  const texts: string[] = [];
  const keys: string[] = [];
  const coarse: string[] = [];
  let initials = '';
  for (const t of tokens) {
    texts.push(t.text);
    const key = keyOf(t);
    keys.push(key);
    if (!t.initial && key !== '') {
      const c = COARSE_PREFIX + coarseKey(key);
      if (coarse.indexOf(c) < 0) coarse.push(c);
    }
    initials += t.text[0];
  }
  return { norm: texts.join(' '), keys: keys.concat(coarse), tokens: texts, initials };
}

/**
 * Columns to store for a name when a person (or alias) is saved. Pure and
 * fast (it runs at insert time for millions of rows); never throws. A name with
 * nothing name-like in it gives empty fields.
 *
 * @example nameIndexFields('श्रीवास्तव, राजेश')
 *   // { norm: 'srivastav rajes', keys: ['SRIBSTB', 'RJIS'], tokens: [...], initials: 'sr' }
 */
export function nameIndexFields(name: string): NameIndexFields {
  return indexFields(normaliseName(name));
}

/**
 * Search-side fields for a query typed in either script. The same
 * normalisation as `nameIndexFields`, plus token weights and the keys to fetch
 * candidates with.
 */
export function queryFields(q: string): NameQueryFields {
  const tokens = normaliseName(q);
  const base = indexFields(tokens);
  const weights: number[] = [];
  const coarse: string[] = [];
  const strong: string[] = [];
  const fillers: string[] = [];
  tokens.forEach((t, i) => {
    weights.push(t.initial ? TOKEN_WEIGHT.initial : t.filler ? TOKEN_WEIGHT.filler : TOKEN_WEIGHT.full);
    const key = base.keys[i]!;
    const c = t.initial || key === '' ? '' : coarseKey(key);
    coarse.push(c);
    // A skeleton of one or two consonants ("~SN" for Sonia, Sona, Sonu, Sunny…)
    // would fetch too many rows; short names are fetched by their exact key.
    const fetchBy = c.length >= MIN_COARSE_RETRIEVAL ? COARSE_PREFIX + c : key;
    if (c !== '') (t.filler ? fillers : strong).push(fetchBy);
  });
  return {
    ...base,
    keys: base.keys.slice(0, tokens.length),
    weights,
    display: tokens.map((t) => t.source),
    coarse,
    retrievalKeys: [...new Set(strong.length > 0 ? strong : fillers)],
  };
}
