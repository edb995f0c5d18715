/**
 * Punishment bands and the procedural rules that hang on them, computed from the numeric
 * punishment columns of the master data (never from a band column, never from text).
 *
 * Every rule returns the legal basis with its answer, so a screen can show why a clock
 * runs or a step is required.
 *
 * The law's edges, exactly:
 * - BNSS 35(1)(b), 35(3): notice of appearance for offences punishable with imprisonment
 *   "which may be less than seven years or which may extend to seven years" (≤ 7 years).
 * - BNSS 35(7): DSP permission to arrest an infirm person or one over 60 for an offence
 *   punishable with "less than three years".
 * - BNSS 173(3): preliminary enquiry for offences punishable with "three years or more but
 *   less than seven years" (≥ 3 and < 7), within 14 days.
 * - BNSS 176(3): forensic visit for offences punishable with "seven years or more" (≥ 7).
 * - BNSS 187(3): 90 days where the offence is punishable with "death, imprisonment for life
 *   or imprisonment for a term of ten years or more"; 60 days for any other offence.
 */
import { isIndeterminate, parsePunishment, type PunishmentNumbers } from './punishment-text.js';

export { isIndeterminate, parsePunishment, type PunishmentNumbers } from './punishment-text.js';

export type Band = 'upto3' | '3to7' | '7plus' | 'death_life';

const YEARS_3 = 36;
const YEARS_7 = 84;
const YEARS_10 = 120;

/**
 * The band of one section's punishment: 'upto3' (< 3 years, or fine only), '3to7' (≥ 3 and
 * < 7 years), '7plus' (≥ 7 years), 'death_life'. Undefined when the punishment depends on
 * another offence or has no stated maximum (linking sections such as BNS 3(5), 61(2)(a), 62).
 */
export function band(p: PunishmentNumbers): Band | undefined {
  if (p.maxDeath || p.maxLife) return 'death_life';
  if (p.maxMonths === null) return undefined;
  if (p.maxMonths < YEARS_3) return 'upto3';
  if (p.maxMonths < YEARS_7) return '3to7';
  return '7plus';
}

const BAND_BASIS: Record<Band, string> = {
  upto3:
    'Punishable with less than three years (or fine only): BNSS 35(7) applies; no preliminary enquiry (173(3)) or forensic visit (176(3)).',
  '3to7':
    'Punishable with three years or more but less than seven: BNSS 173(3) preliminary enquiry possible; notice of appearance (35(3)).',
  '7plus': 'Punishable with seven years or more: BNSS 176(3) forensic visit.',
  death_life: 'Punishable with death or imprisonment for life: BNSS 176(3) forensic visit; 187(3)(i) 90 days.',
};

/** The band with the legal basis of its edges; undefined band when the punishment is indeterminate. */
export function bandWithBasis(p: PunishmentNumbers): { band: Band | undefined; basis: string } {
  const b = band(p);
  return { band: b, basis: b ? BAND_BASIS[b] : INDETERMINATE_BASIS };
}

/** Orders punishments from lightest to gravest: death > life > longer maximum > longer minimum. */
export function severity(p: PunishmentNumbers): number {
  if (p.maxDeath) return 1e6;
  if (p.maxLife) return 1e5 + (p.minMonths ?? 0);
  if (p.maxMonths === null) return -1;
  return p.maxMonths * 10 + (p.minMonths ?? 0) / 1000;
}

/**
 * The gravest of a case's sections, whose punishment governs its clocks ("the maximum
 * punishment of the gravest section in the case"). Sections whose punishment depends on the
 * principal offence (read-with sections) never govern. Undefined if none is determinate.
 */
export function gravest<T extends PunishmentNumbers>(sections: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const s of sections) {
    if (isIndeterminate(s)) continue;
    if (!best || severity(s) > severity(best)) best = s;
  }
  return best;
}

export interface Ruling {
  applies: boolean;
  basis: string;
  /** True when the punishment could not be read (read-with sections only, or no stated maximum). */
  indeterminate?: boolean;
}

const INDETERMINATE_BASIS =
  'The punishment of the sections given depends on a principal offence or has no stated maximum; add the principal section.';

function rule(sections: PunishmentNumbers | readonly PunishmentNumbers[], decide: (p: PunishmentNumbers) => Ruling): Ruling {
  const list = Array.isArray(sections) ? sections : [sections as PunishmentNumbers];
  const g = gravest(list);
  if (!g) return { applies: false, basis: INDETERMINATE_BASIS, indeterminate: true };
  return decide(g);
}

/**
 * BNSS 173(3): for an offence punishable with three years or more but less than seven years,
 * the officer in charge may, with the prior permission of an officer not below the rank of
 * DSP, hold a preliminary enquiry, to be completed within 14 days. Exactly 7 years is out.
 */
export function preliminaryEnquiry(sections: PunishmentNumbers | readonly PunishmentNumbers[]): Ruling & { days: 14 } {
  const r = rule(sections, (p) =>
    band(p) === '3to7'
      ? {
          applies: true,
          basis:
            'BNSS 173(3): punishable with three years or more but less than seven years; a preliminary enquiry may be held with DSP permission, completed within 14 days.',
        }
      : {
          applies: false,
          basis: `BNSS 173(3) covers offences punishable with three years or more but less than seven years; this one is ${describe(p)}.`,
        },
  );
  return { ...r, days: 14 };
}

/** BNSS 176(3): for every offence punishable with seven years or more, a forensic expert visits the scene. */
export function forensicVisit(sections: PunishmentNumbers | readonly PunishmentNumbers[]): Ruling {
  return rule(sections, (p) => {
    const b = band(p);
    return b === '7plus' || b === 'death_life'
      ? {
          applies: true,
          basis: `BNSS 176(3): punishable with seven years or more (${describe(p)}); a forensic expert must visit the crime scene.`,
        }
      : {
          applies: false,
          basis: `BNSS 176(3) covers offences punishable with seven years or more; this one is ${describe(p)}.`,
        };
  });
}

/**
 * BNSS 35(1)(b) and 35(3); Arnesh Kumar v. State of Bihar (SC, 2014): where the offence is
 * punishable with imprisonment which may be less than seven years or may extend to seven
 * years, arrest only if necessary, else a notice of appearance. Exactly 7 years is in.
 */
export function noticeOfAppearance(sections: PunishmentNumbers | readonly PunishmentNumbers[]): Ruling {
  return rule(sections, (p) =>
    !p.maxDeath && !p.maxLife && p.maxMonths !== null && p.maxMonths <= YEARS_7
      ? {
          applies: true,
          basis:
            'BNSS 35(1)(b), 35(3); Arnesh Kumar v. State of Bihar (SC, 2014): punishable with up to seven years; arrest only if necessary, with reasons recorded, otherwise a notice of appearance.',
        }
      : { applies: false, basis: `BNSS 35(1)(b) covers offences punishable with up to seven years; this one is ${describe(p)}.` },
  );
}

/** BNSS 35(7): no arrest without permission of a DSP-rank officer, for an offence punishable with less than three years, of a person who is infirm or over 60. */
export function infirmArrestNeedsPermission(sections: PunishmentNumbers | readonly PunishmentNumbers[]): Ruling {
  return rule(sections, (p) =>
    band(p) === 'upto3'
      ? {
          applies: true,
          basis:
            'BNSS 35(7): punishable with less than three years; a person who is infirm or above sixty years of age is not arrested without the permission of an officer not below the rank of DSP.',
        }
      : { applies: false, basis: `BNSS 35(7) covers offences punishable with less than three years; this one is ${describe(p)}.` },
  );
}

// ---------------------------------------------------------------------------------------------
// BNSS 187(3): the 60/90-day limit on detention during investigation (default bail after it)

/**
 * How to read "imprisonment for a term of ten years or more" for an offence whose maximum
 * is 10 years or more but whose minimum is below 10 (e.g. "may extend to ten years"):
 * - 'maximum': the words of BNSS 187(3)(i) as written ("ten years or more"), applied to the
 *   maximum: 90 days.
 * - 'minimum': Rakesh Kumar Paul v. State of Assam (SC, 2017), following Rajeev Chaudhary v.
 *   State (NCT of Delhi) (SC, 2001), read the CrPC's "not less than ten years" as not covering
 *   an offence whose sentence may be less than ten years: 60 days.
 */
export type TenYearReading = 'maximum' | 'minimum';
export type Procedure = 'BNSS' | 'CRPC';

export interface CustodyOptions {
  /**
   * The procedure code governing the investigation: BNSS for an FIR registered on or after
   * 1 July 2024; the CrPC for an investigation already pending then (BNSS 531(2)(a)).
   * Default 'BNSS'.
   */
  procedure?: Procedure;
  /**
   * The reading of the contested 10-year line where no per-section override is set.
   * Default: 'maximum' under the BNSS (its words differ from the CrPC's and no court has yet
   * settled them), 'minimum' under the CrPC (Rakesh Kumar Paul binds on those very words).
   */
  reading?: TenYearReading;
}

export interface CustodySection extends PunishmentNumbers {
  actCode?: string;
  sectionCode?: string;
  /** A state's (or the national data's) decision for this section, which wins over the reading. */
  custodyDaysOverride?: 60 | 90 | null;
  /** Why the override was set (a High Court ruling, a circular); shown with the basis. */
  overrideBasis?: string | null;
}

export interface CustodyLimit {
  days: 60 | 90;
  basis: string;
  /** True when the answer rests on the contested 10-year line and another reading gives `alternativeDays`. */
  contested: boolean;
  alternativeDays?: 60 | 90;
  /** The section that decided the limit. */
  decidedBy?: { actCode?: string; sectionCode?: string };
  indeterminate?: boolean;
}

const RKP = 'Rakesh Kumar Paul v. State of Assam (SC, 2017)';

function words(procedure: Procedure) {
  return procedure === 'BNSS'
    ? { i: 'BNSS 187(3)(i)', ii: 'BNSS 187(3)(ii)', term: 'ten years or more' }
    : { i: 'CrPC 167(2)(a)(i)', ii: 'CrPC 167(2)(a)(ii)', term: 'not less than ten years' };
}

/** Whether a section sits on the contested 10-year line: a maximum of 10 years or more, no life or death, and a minimum below 10 years. */
export function onContestedTenYearLine(p: PunishmentNumbers): boolean {
  return !p.maxDeath && !p.maxLife && p.maxMonths !== null && p.maxMonths >= YEARS_10 && (p.minMonths ?? 0) < YEARS_10;
}

/** The detention limit for one section. */
export function custodyLimitFor(s: CustodySection, opts: CustodyOptions = {}): CustodyLimit {
  const procedure = opts.procedure ?? 'BNSS';
  const reading = opts.reading ?? (procedure === 'BNSS' ? 'maximum' : 'minimum');
  const w = words(procedure);
  const decidedBy = { actCode: s.actCode, sectionCode: s.sectionCode };
  const name = s.actCode && s.sectionCode ? `${s.actCode} ${s.sectionCode}` : 'this section';

  if (s.custodyDaysOverride === 60 || s.custodyDaysOverride === 90) {
    const days = s.custodyDaysOverride;
    return {
      days,
      basis: `${days === 90 ? w.i : w.ii}: ${days} days, as set for ${name} by the state's master data${
        s.overrideBasis ? ` (${s.overrideBasis})` : ''
      }.`,
      contested: false,
      decidedBy,
    };
  }
  if (s.maxDeath || s.maxLife) {
    return {
      days: 90,
      basis: `${w.i}: 90 days; ${name} is punishable with ${s.maxDeath ? 'death' : 'imprisonment for life'}.`,
      contested: false,
      decidedBy,
    };
  }
  if (s.maxMonths === null) {
    return { days: 60, basis: `${w.ii}: 60 days. ${INDETERMINATE_BASIS}`, contested: false, decidedBy, indeterminate: true };
  }
  if (s.maxMonths < YEARS_10) {
    return {
      days: 60,
      basis: `${w.ii}: 60 days; ${name} is punishable with at most ${years(s.maxMonths)}, below ten years.`,
      contested: false,
      decidedBy,
    };
  }
  if ((s.minMonths ?? 0) >= YEARS_10) {
    return {
      days: 90,
      basis: `${w.i}: 90 days; ${name} carries a minimum term of ${years(s.minMonths!)}, a term of ${w.term}.`,
      contested: false,
      decidedBy,
    };
  }
  // The contested line: maximum ≥ 10 years, minimum below 10.
  if (reading === 'maximum') {
    return {
      days: 90,
      basis: `${w.i}: 90 days; ${name} is punishable with up to ${years(s.maxMonths)} ("${w.term}" read on the maximum). Contested: ${RKP} read the CrPC's "not less than ten years" as not covering an offence whose sentence may be less than ten years, which gives 60 days; a state can set this section to 60.`,
      contested: true,
      alternativeDays: 60,
      decidedBy,
    };
  }
  return {
    days: 60,
    basis: `${w.ii}: 60 days; ${name} may be punished with less than ten years (maximum ${years(s.maxMonths)}), so following ${RKP} it is not an offence punishable with a term of ${w.term}. Contested: the words read on the maximum give 90 days.`,
    contested: true,
    alternativeDays: 90,
    decidedBy,
  };
}

/**
 * The detention limit for a case: the longest limit any of its sections gives (the gravest
 * section governs). An uncontested 90 beats a contested one; if the limit is contested, the
 * answer says so and gives the other reading's days.
 */
export function custodyLimit(sections: readonly CustodySection[], opts: CustodyOptions = {}): CustodyLimit {
  const limits = sections.map((s) => custodyLimitFor(s, opts));
  const determinate = limits.filter((l) => !l.indeterminate);
  if (determinate.length === 0) {
    const w = words(opts.procedure ?? 'BNSS');
    return { days: 60, basis: `${w.ii}: 60 days. ${INDETERMINATE_BASIS}`, contested: false, indeterminate: true };
  }
  const rank = (l: CustodyLimit) => l.days * 10 + (l.contested ? 0 : 1);
  const best = determinate.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  if (best.days === 60 && best.contested === false && determinate.some((l) => l.contested)) {
    // An uncontested 60 from one section and a contested 60 (read as 'minimum') from another: still contested.
    return determinate.find((l) => l.contested)!;
  }
  return best;
}

function years(months: number): string {
  if (months >= 12 && months % 12 === 0) return `${months / 12} year${months === 12 ? '' : 's'}`;
  if (months >= 1) return `${Math.round(months * 100) / 100} month${months === 1 ? '' : 's'}`;
  return `${Math.round(months * 30)} day(s)`;
}

function describe(p: PunishmentNumbers): string {
  if (p.maxDeath) return 'punishable with death';
  if (p.maxLife) return 'punishable with imprisonment for life';
  if (p.fineOnly || p.maxMonths === 0) return 'punishable with fine only';
  if (p.maxMonths === null) return 'of indeterminate punishment';
  return `punishable with up to ${years(p.maxMonths)}`;
}

export { YEARS_3, YEARS_7, YEARS_10 };
// Re-exported so callers that only hold text (a state's new row, before it is loaded) can compute a band.
export const bandOfText = (text: string): Band | undefined => band(parsePunishment(text));
