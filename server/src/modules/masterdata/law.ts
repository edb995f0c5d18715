/**
 * Which law applies, by date, and the check the FIR form's sections must pass.
 *
 * - The penal code follows the date of the offence, not of registration: an offence committed
 *   before 1 July 2024 is registered under the IPC even if reported later (BNS 358(2) saves the
 *   IPC for it; Constitution Art. 20(1) forbids a heavier penalty than the law of the day).
 * - The procedure follows the investigation: an investigation pending on 1 July 2024 goes on
 *   under the CrPC (BNSS 531(2)(a)); an FIR registered from that day on is under the BNSS.
 * - Dates are calendar dates in India (IST): the codes commenced at midnight IST.
 */
import { istDate } from '../../lib/clock.js';
import { getCatalogue, normaliseSectionCode, type Catalogue } from './catalogue.js';
import type { Procedure, Ruling } from './punishment.js';
import type { Act, Section, SectionRef } from './types.js';

/** BNS, BNSS and BSA commenced on 1 July 2024 (S.O. 850(E), 848(E), 849(E) of 23 Feb 2024). */
export const NEW_CODES_FROM = '2024-07-01';

export type PenalCode = 'BNS' | 'IPC';
/** The date of the offence: a day, or the window the informant gives ("between … and …"). */
export type OffenceDate = string | { from: string; to?: string | null };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(d: string): boolean {
  return DATE.test(d) && !Number.isNaN(Date.parse(d));
}

/** The penal code for an offence committed on `date` (YYYY-MM-DD, IST). */
export function penalCodeOn(date: string): PenalCode {
  return date >= NEW_CODES_FROM ? 'BNS' : 'IPC';
}

/** The penal code for an offence committed at an instant (judged by the calendar date in IST). */
export function penalCodeAt(instant: Date): PenalCode {
  return penalCodeOn(istDate(instant));
}

/**
 * The penal codes that may apply to an offence window. A window that straddles 1 July 2024
 * (e.g. an occurrence "between 28 June and 2 July") admits both: the facts decide which.
 */
export function penalCodesFor(offence: OffenceDate): PenalCode[] {
  const { from, to } = window(offence);
  const codes = new Set<PenalCode>([penalCodeOn(from), penalCodeOn(to)]);
  return (['IPC', 'BNS'] as const).filter((c) => codes.has(c));
}

/** BNSS 531(2)(a): the procedure code for an investigation whose FIR was registered on `registeredOn` (YYYY-MM-DD, IST). */
export function procedureFor(registeredOn: string): Procedure {
  return registeredOn >= NEW_CODES_FROM ? 'BNSS' : 'CRPC';
}

function window(offence: OffenceDate): { from: string; to: string } {
  if (typeof offence === 'string') return { from: offence, to: offence };
  return { from: offence.from, to: offence.to ?? offence.from };
}

/** Whether an act's offences can be charged for an offence committed in the window. */
export function actApplies(act: Act, offence: OffenceDate): boolean {
  const { from, to } = window(offence);
  return overlaps(act.inForceFrom, act.inForceTo, from, to);
}

/** Whether a section was in force at some time in the window (a never-notified section never is). */
export function sectionInForce(section: Section, offence: OffenceDate): boolean {
  if (section.inForceFrom === null) return false;
  const { from, to } = window(offence);
  return overlaps(section.inForceFrom, section.inForceTo, from, to);
}

function overlaps(start: string | null, end: string | null, from: string, to: string): boolean {
  if (start !== null && to < start) return false;
  if (end !== null && from > end) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------

export type SectionErrorCode =
  'invalid_date' | 'unknown_act' | 'unknown_section' | 'act_not_applicable' | 'section_disabled' | 'section_not_in_force';

export interface SectionError {
  /** Position of the item in the list given. */
  index: number;
  act: string;
  section: string;
  code: SectionErrorCode;
  message: string;
  messageHi: string;
  /** The sections to use instead, where the master data knows them (IPC ↔ BNS). */
  suggestions?: SectionRef[];
}

export interface SectionValidation {
  ok: boolean;
  /** The sections found, in the order given (only when ok). */
  sections: Section[];
  errors: SectionError[];
}

/**
 * Checks the acts and sections of an FIR against the offence date. Each item that fails gets
 * one error naming why: the act is unknown; the section is not in the master data; the act
 * does not apply on that date (IPC after 30 June 2024, BNS before 1 July 2024, a special Act
 * not yet in force); the section is disabled (BNS 106(2), not notified) or was not in force.
 * The FIR module answers 422 with these errors.
 */
export function validateSections(
  items: readonly SectionRef[],
  offence: OffenceDate,
  catalogue: Catalogue = getCatalogue(),
): SectionValidation {
  const { from, to } = window(offence);
  if (!isDate(from) || !isDate(to) || to < from) {
    const error: SectionError = {
      index: -1,
      act: '',
      section: '',
      code: 'invalid_date',
      message: 'The date of the offence must be a date (YYYY-MM-DD), and "to" must not be before "from".',
      messageHi: 'अपराध की तिथि वैध तिथि (YYYY-MM-DD) होनी चाहिए, और "तक" की तिथि "से" की तिथि से पहले नहीं हो सकती।',
    };
    return { ok: false, sections: [], errors: [error] };
  }
  const errors: SectionError[] = [];
  const sections: Section[] = [];
  const when = from === to ? from : `${from} to ${to}`;
  items.forEach((item, index) => {
    const actCode = (item.act ?? '').trim().toUpperCase();
    const sectionCode = normaliseSectionCode(item.section ?? '');
    const fail = (code: SectionErrorCode, message: string, messageHi: string, suggestions?: SectionRef[]) =>
      errors.push({ index, act: actCode, section: sectionCode, code, message, messageHi, ...(suggestions?.length ? { suggestions } : {}) });

    const act = catalogue.findAct(actCode);
    if (!act) return fail('unknown_act', `Unknown act "${item.act}".`, `अज्ञात अधिनियम "${item.act}"।`);
    const section = catalogue.findSection(actCode, sectionCode);
    if (!section) {
      return fail(
        'unknown_section',
        `${act.shortName} has no section ${sectionCode} in the master data.`,
        `${act.shortName} की धारा ${sectionCode} मास्टर डेटा में नहीं है।`,
      );
    }
    const name = `${act.shortName} ${section.sectionCode}`;
    if (!act.enabled || !actApplies(act, offence)) {
      if (act.code === 'IPC') {
        return fail(
          'act_not_applicable',
          `${name}: the IPC does not apply to an offence committed on ${when}; offences from 1 July 2024 are registered under the BNS.`,
          `${name}: ${when} को किए गए अपराध पर भारतीय दंड संहिता लागू नहीं होती; 1 जुलाई 2024 से किए गए अपराध भारतीय न्याय संहिता के अधीन दर्ज होते हैं।`,
          catalogue.bnsForIpc(section.sectionCode).map((m) => ({ act: 'BNS', section: m.bnsSection })),
        );
      }
      if (act.code === 'BNS') {
        return fail(
          'act_not_applicable',
          `${name}: the BNS does not apply to an offence committed on ${when}; offences before 1 July 2024 are registered under the IPC.`,
          `${name}: ${when} को किए गए अपराध पर भारतीय न्याय संहिता लागू नहीं होती; 1 जुलाई 2024 से पहले किए गए अपराध भारतीय दंड संहिता के अधीन दर्ज होते हैं।`,
          catalogue.ipcForBns(section.sectionCode).map((m) => ({ act: 'IPC', section: m.ipcSection })),
        );
      }
      return fail(
        'act_not_applicable',
        `${name}: the ${act.nameEn} was not in force on ${when}.`,
        `${name}: ${act.nameHi} ${when} को प्रवृत्त नहीं था।`,
      );
    }
    if (!section.enabled) {
      return fail(
        'section_disabled',
        `${name} cannot be registered: ${section.disabledReason}`,
        `${name} के अधीन प्रथम सूचना दर्ज नहीं की जा सकती: यह धारा प्रवृत्त नहीं है या निष्क्रिय की गई है।`,
      );
    }
    if (!sectionInForce(section, offence)) {
      return fail(
        'section_not_in_force',
        `${name} was not in force on ${when} (in force from ${section.inForceFrom}${section.inForceTo ? ` to ${section.inForceTo}` : ''}).`,
        `${name} ${when} को प्रवृत्त नहीं थी (${section.inForceFrom} से प्रवृत्त)।`,
      );
    }
    sections.push(section);
  });
  return { ok: errors.length === 0, sections: errors.length ? [] : sections, errors };
}

/** Field errors for lib/errors' `unprocessable(…, fields)`: `{ 'sections.2': message }`. */
export function sectionErrorFields(errors: readonly SectionError[], field = 'sections'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.index >= 0 ? `${field}.${e.index}` : field] = e.message;
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * BNSS 193(2): investigation of an offence under BNS 64-68, 70, 71 or POCSO ss.4, 6, 8, 10 is
 * completed within two months of the information being recorded. Before 1 July 2024 the same
 * rule stood in CrPC 173(1A) for IPC 376, 376A-376E; an FIR registered after that date for an
 * older offence carries IPC sections, so they are included.
 */
const TWO_MONTH_SECTIONS: Record<string, ReadonlySet<string>> = {
  BNS: new Set(['64', '65', '66', '67', '68', '70', '71']),
  POCSO: new Set(['4', '6', '8', '10']),
  IPC: new Set(['376', '376A', '376AB', '376B', '376C', '376D', '376DA', '376DB', '376E']),
};

export function twoMonthInvestigation(sections: readonly Pick<Section, 'actCode' | 'sectionCode'>[]): Ruling {
  const hit = sections.find((s) => TWO_MONTH_SECTIONS[s.actCode]?.has(s.sectionCode.replace(/\(.*$/, '').toUpperCase()));
  if (!hit) {
    return { applies: false, basis: 'BNSS 193(2) applies to BNS 64-68, 70, 71 and POCSO ss.4, 6, 8, 10; none is in this case.' };
  }
  return {
    applies: true,
    basis: `BNSS 193(2): ${hit.actCode} ${hit.sectionCode} is in the case; the investigation must be completed within two months from the date the information was recorded.`,
  };
}

/** Whether any of the sections makes the case sensitive (never on public pages; victim identity protected). */
export function isSensitiveCase(sections: readonly Pick<Section, 'sensitive'>[]): boolean {
  return sections.some((s) => s.sensitive === 'yes');
}
