/**
 * The ranking score, in one place, and a TypeScript explanation of it.
 *
 * The score of a candidate for a query is
 *
 *     score = 0.6 × tokenScore + 0.4 × trigram + agreement
 *
 *  - tokenScore (0…1): each query token takes its best match among the
 *    candidate's tokens, with this credit:
 *        1.0  same phonetic key                 "phonetic: shrinivas≈srinivas"
 *        0.6  an initial agrees with a token    "initial: r≈rajes"
 *        0.6  same consonant skeleton, vowels differ  "vowel: mohinder≈mahendra"
 *        0.45 keys one edit apart, same first sound   "fuzzy: rajesh≈rames"
 *        0.45 folded spellings 1 edit apart (2 from 6 letters)  "typo: rajseh≈rajes"
 *    A vowel-only difference is usually one name spelled two ways; a
 *    consonant edit is as often another name (Rajesh/Ramesh) as a typo, so it
 *    earns less than a missing filler costs.
 *    and the credits are averaged with weights 1 (name), 0.3 (filler such as
 *    Kumar, Devi, Singh, Mohammad) and 0.5 (initial). Order does not matter,
 *    so "Sharma Rajesh Kumar" scores as "Rajesh Kumar Sharma".
 *  - trigram (0…1): pg_trgm `similarity(name_norm, query norm)`. It rewards
 *    spellings that are close overall and penalises extra or missing tokens.
 *  - agreement, only for fields given with the query and present on the row:
 *        father's name similarity ≥ 0.45  +0.15 × similarity; < 0.2  −0.10
 *        birth year within ±tolerance (default 3)  +0.08; more than 10 off  −0.15
 *        same district  +0.04
 *        same sex  +0.04; different sex  −0.25
 *    Disagreement weighs more than agreement: one strong contradiction (a
 *    different sex, 30 years apart) tells two people apart, while agreement on
 *    a common district or sex proves little.
 *
 * A name alone scores at most 1.0; MATCH_THRESHOLD is the score above which a
 * candidate is shown as a likely match of the same person.
 */
import { coarseKey, isInitialKey } from './keys.js';
import { nameIndexFields, queryFields, type NameQueryFields } from './fields.js';
import { levenshtein, trigramSimilarity } from './trigram.js';

export const WEIGHTS = {
  token: 0.6,
  trigram: 0.4,
  father: 0.15,
  fatherMinSimilarity: 0.45,
  fatherMismatchBelow: 0.2,
  fatherMismatch: -0.1,
  birthYear: 0.08,
  birthYearFarBeyond: 10,
  birthYearFar: -0.15,
  district: 0.04,
  sex: 0.04,
  sexMismatch: -0.25,
} as const;

/** Credit of a query token for its best candidate token, by kind of match. */
export const CREDIT = { phonetic: 1, initial: 0.6, vowel: 0.6, fuzzy: 0.45, typo: 0.45, none: 0 } as const;
export type MatchKind = keyof typeof CREDIT;

/** Trigram similarity at which "trigram 0.xx" is worth listing in "why matched". */
export const TRIGRAM_REASON_MIN = 0.3;

/**
 * Score at or above which a candidate counts as "likely the same person" (the
 * false-match rate in `npm run eval:names` is measured at this threshold).
 * Chosen from the eval's threshold sweep on names alone: at 0.7 about 93% of
 * the true variants and 9% of the (deliberately confusable) hard negatives
 * score above it; at 0.6 it is 97% and 38%. Agreement on father's name, age
 * and sex moves real candidates across it in either direction.
 */
export const MATCH_THRESHOLD = 0.7;

/** Default ± years for birth-year agreement. */
export const DEFAULT_BIRTH_YEAR_TOLERANCE = 3;

/** Edits allowed between folded tokens of this length to count as a typo. */
export function typoBudget(length: number): number {
  return length >= 6 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * One query token against one candidate token: the kind of match. The order of
 * the checks is the precedence, and `sql.ts` repeats it in SQL.
 */
export function matchKind(qKey: string, qTok: string, qCoarse: string, rKey: string, rTok: string): MatchKind {
  const qInit = isInitialKey(qKey);
  const rInit = isInitialKey(rKey);
  if (!qInit && !rInit && qKey !== '' && qKey === rKey) return 'phonetic';
  if (qInit && rTok[0] === qKey[0]) return 'initial';
  if (rInit && qTok[0] === rKey[0]) return 'initial';
  if (qInit || rInit) return 'none';
  if (qCoarse !== '' && qCoarse === coarseKey(rKey)) return 'vowel';
  if (qKey.length >= 3 && rKey.length >= 3 && qKey[0] === rKey[0] && levenshtein(qKey, rKey) <= 1) return 'fuzzy';
  if (qTok.length >= 4 && rTok.length >= 4 && levenshtein(qTok, rTok) <= typoBudget(qTok.length)) return 'typo';
  return 'none';
}

/** Fields besides the name that a query may carry (all optional). */
export interface MatchContext {
  fatherName?: string;
  birthYear?: number;
  birthYearTolerance?: number;
  districtId?: string | number;
  sex?: string;
}

/** A candidate person as the explanation needs it. */
export interface MatchCandidate {
  name: string;
  fatherName?: string | null;
  birthYear?: number | null;
  districtId?: string | number | null;
  sex?: string | null;
}

export interface TokenMatch {
  query: string;
  candidate: string | null;
  kind: MatchKind;
  credit: number;
}

export interface MatchExplanation {
  score: number;
  tokenScore: number;
  trigram: number;
  tokens: TokenMatch[];
  /** Human-readable reasons, the same strings the SQL ranking returns. */
  why: string[];
  /** score ≥ MATCH_THRESHOLD */
  likelySame: boolean;
}

/** Reason text for one token match, as the SQL ranking writes it. */
export function tokenReason(kind: MatchKind, query: string, candidate: string): string | null {
  return kind === 'none' ? null : `${kind}: ${query}≈${candidate}`;
}

/** Two decimals, half away from zero, as the SQL's to_char(round(x::numeric, 2), 'FM0.00'). */
export function fmt2(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}

function foldedFather(name: string): string {
  return nameIndexFields(name).norm;
}

/**
 * Why `candidate` matched `query`, with the same score as the SQL ranking in
 * `sql.ts` (the unit tests hold the two together). For the "add a person to a
 * case" screen and for tests; the search itself ranks in SQL.
 */
export function explainMatch(query: string | NameQueryFields, candidate: MatchCandidate, context: MatchContext = {}): MatchExplanation {
  const q = typeof query === 'string' ? queryFields(query) : query;
  const row = nameIndexFields(candidate.name);
  const tokens: TokenMatch[] = [];
  let weighted = 0;
  let weightSum = 0;
  for (let i = 0; i < q.keys.length; i++) {
    let best: TokenMatch = { query: q.display[i]!, candidate: null, kind: 'none', credit: 0 };
    for (let j = 0; j < row.tokens.length; j++) {
      const kind = matchKind(q.keys[i]!, q.tokens[i]!, q.coarse[i]!, row.keys[j]!, row.tokens[j]!);
      if (CREDIT[kind] > best.credit) {
        best = { query: q.display[i]!, candidate: row.tokens[j]!, kind, credit: CREDIT[kind] };
      }
    }
    tokens.push(best);
    weighted += best.credit * q.weights[i]!;
    weightSum += q.weights[i]!;
  }
  const tokenScore = weightSum > 0 ? weighted / weightSum : 0;
  const trigram = trigramSimilarity(row.norm, q.norm);
  let score = WEIGHTS.token * tokenScore + WEIGHTS.trigram * trigram;
  const why: string[] = [];
  for (const t of tokens) {
    const r = t.candidate === null ? null : tokenReason(t.kind, t.query, t.candidate);
    if (r !== null) why.push(r);
  }
  if (trigram >= TRIGRAM_REASON_MIN) why.push(`trigram ${fmt2(trigram)}`);
  const agreement = agreementOf(candidate, context);
  score += agreement.delta;
  why.push(...agreement.why);
  return { score, tokenScore, trigram, tokens, why, likelySame: score >= MATCH_THRESHOLD };
}

/** The agreement part of the score, with its reasons. */
export function agreementOf(candidate: MatchCandidate, context: MatchContext): { delta: number; why: string[] } {
  let delta = 0;
  const why: string[] = [];
  if (context.fatherName !== undefined && candidate.fatherName) {
    const qf = foldedFather(context.fatherName);
    const sim = qf === '' ? 0 : trigramSimilarity(foldedFather(candidate.fatherName), qf);
    if (sim >= WEIGHTS.fatherMinSimilarity) {
      delta += WEIGHTS.father * sim;
      why.push(sim >= 0.8 ? "same father's name" : `similar father's name ${fmt2(sim)}`);
    } else if (sim < WEIGHTS.fatherMismatchBelow) {
      delta += WEIGHTS.fatherMismatch;
      why.push("different father's name");
    }
  }
  if (context.birthYear !== undefined && candidate.birthYear !== undefined && candidate.birthYear !== null) {
    const tol = context.birthYearTolerance ?? DEFAULT_BIRTH_YEAR_TOLERANCE;
    const diff = Math.abs(candidate.birthYear - context.birthYear);
    if (diff <= tol) {
      delta += WEIGHTS.birthYear;
      why.push(diff === 0 ? 'same birth year' : `birth year within ${diff}`);
    } else if (diff > WEIGHTS.birthYearFarBeyond) {
      delta += WEIGHTS.birthYearFar;
      why.push(`birth year ${diff} apart`);
    }
  }
  if (context.districtId !== undefined && candidate.districtId !== undefined && candidate.districtId !== null) {
    if (String(candidate.districtId) === String(context.districtId)) {
      delta += WEIGHTS.district;
      why.push('same district');
    }
  }
  if (context.sex !== undefined && candidate.sex) {
    if (candidate.sex.toLowerCase() === context.sex.toLowerCase()) {
      delta += WEIGHTS.sex;
      why.push('same sex');
    } else {
      delta += WEIGHTS.sexMismatch;
      why.push('different sex');
    }
  }
  return { delta, why };
}
