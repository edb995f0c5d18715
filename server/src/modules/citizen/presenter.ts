import { istDate } from '../../lib/clock.js';
import { RANKS } from '../../policy/index.js';
import type { FirRecord } from '../firs/service.js';
import type { CaseStatusFacts } from './case-facts.js';
import { publicStageOf, resultLabel, stageLabel } from './stages.js';

/**
 * The one place that shapes what the public sees of a case. It copies named, harmless fields
 * only (never spreads a record), so a field added to an FIR or a fact later cannot leak:
 * no complainant, victim, witness or accused, no names, addresses or phone numbers of people,
 * no narrative. The station's phone is the police station's, published anyway. The IO's name
 * appears only where the state allows it (PUBLIC_SHOW_IO_NAME); the rank always.
 *
 * Sensitive FIRs never reach this presenter: the lookup answers them exactly like a missing FIR.
 */

const RANK_LABELS: Record<string, { en: string; hi: string }> = {
  constable: { en: 'Constable', hi: 'आरक्षक' },
  head_constable: { en: 'Head Constable', hi: 'प्रधान आरक्षक' },
  asi: { en: 'Assistant Sub-Inspector', hi: 'सहायक उप निरीक्षक' },
  si: { en: 'Sub-Inspector', hi: 'उप निरीक्षक' },
  inspector: { en: 'Inspector', hi: 'निरीक्षक' },
  dsp: { en: 'Deputy Superintendent of Police', hi: 'उप पुलिस अधीक्षक' },
  addl_sp: { en: 'Additional Superintendent of Police', hi: 'अतिरिक्त पुलिस अधीक्षक' },
  sp: { en: 'Superintendent of Police', hi: 'पुलिस अधीक्षक' },
};

const rankOf = (rank: string | null | undefined) => {
  if (!rank || !(RANKS as readonly string[]).includes(rank)) return null;
  const l = RANK_LABELS[rank];
  return { code: rank, labelEn: l?.en ?? rank, labelHi: l?.hi ?? rank };
};

const dateOnly = (s: string | null | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);

export function publicSections(sections: { act: string; section: string; titleEn: string | null; titleHi: string | null }[]) {
  return sections.map((s) => ({ act: s.act, section: s.section, titleEn: s.titleEn, titleHi: s.titleHi }));
}

/** The public case status of a non-sensitive FIR. */
export function publicCaseStatus(fir: FirRecord, facts: CaseStatusFacts, opts: { showIoName: boolean }) {
  const stage = publicStageOf(fir.stage, facts);
  const l = stageLabel(stage);
  // At 'appealed' the public sees the latest appeal's outcome, not the trial's: a conviction set
  // aside on appeal must not still read "In appeal (convicted)".
  const shown = fir.stage === 'disposed' ? facts.result : fir.stage === 'appealed' ? facts.appealResult : null;
  const result = shown ? String(shown) : null;
  const rl = result ? resultLabel(result) : null;
  const arrests =
    typeof facts.arrestCount === 'number' && Number.isFinite(facts.arrestCount) ? Math.max(0, Math.floor(facts.arrestCount)) : null;
  const io = facts.io
    ? { rank: rankOf(facts.io.rank), ...(opts.showIoName && facts.io.name ? { name: String(facts.io.name) } : {}) }
    : null;
  return {
    stateCode: fir.state_code,
    district: { name: fir.district_name, nameHi: fir.district_name_hi },
    station: { code: fir.station_code, name: fir.station_name, nameHi: fir.station_name_hi, phone: fir.station_phone },
    firNumber: fir.fir_number,
    year: fir.year,
    registeredOn: istDate(fir.registered_at),
    sections: publicSections(fir.sections),
    stage,
    stageLabelEn: l.en,
    stageLabelHi: l.hi,
    lastChangedOn: istDate(fir.stage_changed_at),
    result,
    resultLabelEn: rl?.en ?? null,
    resultLabelHi: rl?.hi ?? null,
    arrestMade: arrests === null ? null : arrests > 0,
    arrestCount: arrests,
    chargeSheetDate: dateOnly(facts.chargeSheetDate),
    finalReportDate: dateOnly(facts.finalReportDate),
    court: facts.court ? { name: String(facts.court.name), nameHi: facts.court.nameHi ? String(facts.court.nameHi) : null } : null,
    nextHearingDate: dateOnly(facts.nextHearingDate),
    investigatingOfficer: io,
    transferredTo:
      fir.transfer_state === 'acknowledged' && fir.transferred_fir_number
        ? { stationCode: fir.transferred_station_code, firNumber: fir.transferred_fir_number }
        : null,
  };
}
export type PublicCaseStatus = ReturnType<typeof publicCaseStatus>;

/** A row of a station's public FIR list (Youth Bar Association v. Union of India, SC 2016): date, sections and stage only. */
export function publicListItem(r: {
  firNumber: string;
  year: number;
  registeredAt: Date;
  sections: { act: string; section: string; titleEn: string | null; titleHi: string | null }[];
  stage: string;
  stageChangedAt: Date;
}) {
  const l = stageLabel(r.stage);
  return {
    firNumber: r.firNumber,
    year: r.year,
    registeredOn: istDate(r.registeredAt),
    registeredAt: r.registeredAt,
    sections: publicSections(r.sections),
    stage: r.stage,
    stageLabelEn: l.en,
    stageLabelHi: l.hi,
  };
}

/**
 * Keys that must never appear in any public answer (the forbidden-field test runs every public
 * route against these and against the seeded people's names, addresses and phones). 'address'
 * and 'phone' are not among them: a police station's address and phone are public; people's
 * are caught by value.
 */
export const PUBLIC_FORBIDDEN_KEYS = [
  'complainant',
  'informant',
  'victim',
  'victims',
  'witness',
  'witnesses',
  'accused',
  'suspects',
  'narrative',
  'relativeName',
  'fatherName',
  'idDocument',
  'dateOfBirth',
  'mobile',
  'email',
  'properties',
  'registeringOfficer',
] as const;
