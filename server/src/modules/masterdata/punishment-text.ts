/**
 * Reads the numbers out of a `punishment_max` text as the master data writes it
 * ("Rigorous imprisonment not less than 10 years, may extend to imprisonment for life, and fine").
 *
 * The master data stores the result as columns (max_months, min_months, max_death, max_life,
 * fine_only) so that the clocks never parse text at run time; this parser fills those columns
 * and a test keeps them in agreement with the text.
 *
 * Conventions (the same as the domain tables'):
 * - The maximum is the longest punishment of any limb: enhanced terms for a second conviction
 *   and conditional limbs ("if the intended offence is theft: up to 10 years") count.
 * - The minimum is the least term the court must impose on every limb; a limb that allows a
 *   fine alone, community service, or a term without a floor means there is no minimum (null).
 * - A limb is a `;`-separated part; text before its `:` is a condition and is not read as a
 *   punishment ("If the offence is punishable with death: up to 7 years" is 7 years, not death).
 * - Fractional limbs ("one-half of the longest term", BNS 62) and texts that defer to another
 *   offence ("Same as for the offence abetted") are indeterminate.
 */
export interface PunishmentNumbers {
  /** Longest term of imprisonment in months; 0 for fine only; null when death or life is possible, or not determinable. */
  maxMonths: number | null;
  /** Least term the court must impose, in months; null when none. */
  minMonths: number | null;
  maxDeath: boolean;
  maxLife: boolean;
  fineOnly: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  'twenty-four': 24,
  thirty: 30,
};
const UNIT = '(years?|months?|days?|hours?)';
const MONTHS_PER: Record<string, number> = { year: 12, month: 1, day: 1 / 30, hour: 1 / 720 };

const toMonths = (n: number, unit: string): number => Math.round(n * MONTHS_PER[unit.replace(/s$/, '')] * 100) / 100;

/** Text that defers the punishment to another offence or to a State: nothing to read. */
const DEFERS = [/^definition\b/, /^same as\b/, /^as for\b/, /\bvaries\b/, /\bin addition to\b/, /^as per\b/];

export const INDETERMINATE: PunishmentNumbers = Object.freeze({
  maxMonths: null,
  minMonths: null,
  maxDeath: false,
  maxLife: false,
  fineOnly: false,
});

/** True when the numbers say nothing about the punishment (it depends on another offence, a State, or has no stated maximum). */
export function isIndeterminate(p: PunishmentNumbers): boolean {
  return p.maxMonths === null && !p.maxLife && !p.maxDeath;
}

export function parsePunishment(text: string): PunishmentNumbers {
  const t = normalise(text);
  if (t === '') return { ...INDETERMINATE };
  const outsideParens = stripParens(t);
  if (DEFERS.some((re) => re.test(outsideParens))) return { ...INDETERMINATE };

  let death = false;
  let life = false;
  let fineSeen = false;
  let termMax: number | null = null;
  let anyTerm = false;
  const limbMins: (number | null)[] = []; // null = life/death only, no term floor to compare

  for (const limbText of splitTopLevel(t, ';')) {
    const p = afterCondition(limbText);
    if (/\bfraction-(half|third|fourth|quarter)\b/.test(p)) continue; // a fraction of another offence's term
    const limbDeath = /\bdeath\b/.test(p);
    const limbLife = /imprisonment for life|extend to life|life imprisonment/.test(p);
    const fine = /\bfine\b/.test(p);
    const fineAlone = /^fine\b|\bor fine\b|\bor with fine\b|\bor community service\b/.test(p);

    let rest = p;
    const bound: { lower: number | null; upper: number | null } = { lower: null, upper: null };
    const take = (v: number, kind: 'min' | 'max') => {
      if (kind === 'min') bound.lower = bound.lower === null ? v : Math.min(bound.lower, v);
      else bound.upper = bound.upper === null ? v : Math.max(bound.upper, v);
    };
    // "1-3 years", "6 months-1 year"
    rest = rest.replace(new RegExp(`(\\d+(?:\\.\\d+)?)\\s*${UNIT}?\\s*-\\s*(\\d+(?:\\.\\d+)?)\\s*${UNIT}`, 'g'), (_m, a, ua, b, ub) => {
      take(toMonths(Number(a), ua ?? ub), 'min');
      take(toMonths(Number(b), ub), 'max');
      return ' ';
    });
    rest = rest.replace(new RegExp(`(?:not less than|minimum(?: of)?|at least)\\s+(\\d+(?:\\.\\d+)?)\\s*${UNIT}`, 'g'), (_m, a, u) => {
      take(toMonths(Number(a), u), 'min');
      return ' ';
    });
    rest.replace(new RegExp(`(?:up to|upto|extend to|not exceeding|not more than)\\s+(\\d+(?:\\.\\d+)?)\\s*${UNIT}`, 'g'), (_m, a, u) => {
      take(toMonths(Number(a), u), 'max');
      return ' ';
    });

    const { lower, upper } = bound;
    const hasTerm = lower !== null || upper !== null;
    if (!hasTerm && !limbDeath && !limbLife && !fine) continue; // e.g. "vehicle registration cancelled for 12 months"
    death ||= limbDeath;
    life ||= limbLife;
    fineSeen ||= fine;
    if (hasTerm) anyTerm = true;
    if (upper !== null) termMax = termMax === null ? upper : Math.max(termMax, upper);
    if (lower !== null && upper === null && !limbLife && !limbDeath) {
      // "not less than 5 years" with no ceiling: the maximum is not stated (Dowry Prohibition Act s.3).
      termMax = Number.NaN;
    }
    if (fineAlone) limbMins.push(0);
    else if (lower !== null) limbMins.push(lower);
    else if (upper !== null) limbMins.push(0);
    else limbMins.push(null);
  }

  const numericMins = limbMins.filter((m): m is number => m !== null);
  const min = numericMins.length ? Math.min(...numericMins) : null;
  const open = termMax !== null && Number.isNaN(termMax);
  let maxMonths: number | null;
  if (death || life) maxMonths = null;
  else if (open) maxMonths = null;
  else if (anyTerm) maxMonths = termMax;
  else maxMonths = fineSeen ? 0 : null;
  return {
    maxMonths,
    minMonths: min === null || min === 0 ? null : min,
    maxDeath: death,
    maxLife: life,
    fineOnly: !death && !life && !anyTerm && fineSeen,
  };
}

function normalise(text: string): string {
  let t = text
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  // Fractions of another offence's term ("one-half of the longest term") are not numbers of their own.
  t = t.replace(/\bone-(half|third|fourth|quarter)\b/g, 'fraction-$1');
  t = t.replace(/\b(twenty-four|[a-z]+)\b/g, (w) => (w in NUMBER_WORDS ? String(NUMBER_WORDS[w]) : w));
  return t;
}

function stripParens(t: string): string {
  let out = '';
  let depth = 0;
  for (const c of t) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out.trim();
}

/** Splits on `sep` outside parentheses. */
function splitTopLevel(t: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of t) {
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (c === sep && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  parts.push(cur.trim());
  return parts.filter(Boolean);
}

/** The punishment part of a limb: what follows its last top-level colon. */
function afterCondition(limb: string): string {
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < limb.length; i++) {
    const c = limb[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0) cut = i;
  }
  return (cut >= 0 ? limb.slice(cut + 1) : limb).trim();
}
