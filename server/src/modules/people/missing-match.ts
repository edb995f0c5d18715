/**
 * Matching a missing-person report against an unidentified person or dead body: pure, so the
 * rule is tested without a database and reads in one place.
 *
 * A pair is ruled out when the facts cannot both be true: different recorded sexes, found
 * before the person went missing (two days' slack for a late report of the date), found more
 * than three years later, or an age that cannot fit the estimated band even with five years'
 * slack. Otherwise the score adds:
 *
 *   same sex                                        +0.25
 *   age on the found date inside the estimated band  +0.25  (within 5 years of it: +0.10)
 *   height within 5 cm  +0.20, within 10 cm  +0.10, more than 15 cm apart  −0.20
 *   each identifying mark that agrees (trigram ≥ 0.4 on its words, at most two)  +0.15
 *   found within 30 days of going missing            +0.10
 *
 * and a pair scoring MISSING_MATCH_MIN or more is shown to both stations as a possible match.
 */
import { trigramSimilarity } from '../search/names/trigram.js';

export interface MissingFacts {
  sex: string;
  ageYears: number | null;
  missingSince: string;
  heightCm: number | null;
  marks: readonly string[];
}

export interface FoundFacts {
  sex: string;
  ageFrom: number | null;
  ageTo: number | null;
  foundOn: string;
  heightCm: number | null;
  marks: readonly string[];
}

export interface MissingMatchResult {
  score: number;
  reasons: string[];
}

export const MISSING_MATCH_MIN = 0.45;
/** Days a body or person may be found before the reported date of going missing. */
export const FOUND_BEFORE_SLACK_DAYS = 2;
export const FOUND_WITHIN_DAYS = 3 * 366;

const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

function markWords(m: string): string {
  return m
    .toLowerCase()
    .replace(/[^a-z0-9\p{Script=Devanagari}]+/gu, ' ')
    .trim();
}

/** The score of one pair, or undefined when the pair is ruled out. */
export function scoreMissingMatch(m: MissingFacts, f: FoundFacts): MissingMatchResult | undefined {
  const gap = days(m.missingSince, f.foundOn);
  if (gap < -FOUND_BEFORE_SLACK_DAYS || gap > FOUND_WITHIN_DAYS) return undefined;
  const known = (s: string) => s !== 'unknown';
  if (known(m.sex) && known(f.sex) && m.sex !== f.sex) return undefined;
  let score = 0;
  const reasons: string[] = [];
  if (known(m.sex) && m.sex === f.sex) {
    score += 0.25;
    reasons.push(`same sex (${m.sex})`);
  }
  if (m.ageYears !== null && (f.ageFrom !== null || f.ageTo !== null)) {
    const age = m.ageYears + Math.max(0, gap) / 365.25;
    const lo = f.ageFrom ?? f.ageTo!;
    const hi = f.ageTo ?? f.ageFrom!;
    if (age >= lo - 0.5 && age <= hi + 0.5) {
      score += 0.25;
      reasons.push(`age ${Math.floor(age)} within ${lo}–${hi}`);
    } else if (age >= lo - 5 && age <= hi + 5) {
      score += 0.1;
      reasons.push(`age ${Math.floor(age)} near ${lo}–${hi}`);
    } else return undefined;
  }
  if (m.heightCm !== null && f.heightCm !== null) {
    const d = Math.abs(m.heightCm - f.heightCm);
    if (d <= 5) {
      score += 0.2;
      reasons.push(`height ${m.heightCm}/${f.heightCm} cm`);
    } else if (d <= 10) {
      score += 0.1;
      reasons.push(`height within 10 cm`);
    } else if (d > 15) {
      score -= 0.2;
      reasons.push(`height ${d} cm apart`);
    }
  }
  let markHits = 0;
  for (const mm of m.marks) {
    if (markHits >= 2) break;
    const a = markWords(mm);
    if (!a) continue;
    let best = 0;
    let bestMark = '';
    for (const fm of f.marks) {
      const sim = trigramSimilarity(a, markWords(fm));
      if (sim > best) {
        best = sim;
        bestMark = fm;
      }
    }
    if (best >= 0.4) {
      markHits++;
      score += 0.15;
      reasons.push(`mark: ${mm} ≈ ${bestMark}`);
    }
  }
  if (gap >= -FOUND_BEFORE_SLACK_DAYS && gap <= 30) {
    score += 0.1;
    reasons.push(`found ${Math.max(0, gap)} days after going missing`);
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}
