/**
 * The statutory clock engine: pure functions from a case's recorded events to its deadlines.
 * No database, no current time: `computeClocks` gives each clock's start, due and stop; the
 * status (running, due soon, overdue, met, missed) is decided against a given instant by
 * `clockStatus`. The punishment facts come from the master data (masterdata/punishment.ts:
 * custodyLimit, which carries the contested 10-year line and the per-section override), never
 * from a band column or a number written here.
 *
 * How the periods are counted (each rule cites its source):
 * - BNSS 58: 24 hours from the arrest, exclusive of the journey to the magistrate: an exact
 *   instant; production at exactly 24 h is in time.
 * - BNSS 187(3): 60 / 90 days of detention counted from the first remand, the day of remand
 *   included (Enforcement Directorate v. Kapil Wadhawan, SC 2023): the charge sheet is due by
 *   the end of the 60th / 90th day (IST); default bail accrues on the next day.
 * - BNSS 193(2): two months "from the date on which the information was recorded"; the first
 *   day is excluded (General Clauses Act 1897 s.9): due by the end of the same date two months
 *   later (IST), or the month's last day if it has no such date.
 * - BNSS 193(3)(ii): progress to the informant "within a period of ninety days" of the
 *   registration, the first day excluded: by the end of registration date + 90 days (IST).
 * - BNSS 176(3): no period at all (see `forensicScene`): a requirement, not a deadline.
 * - BNSS 184(6): the medical report of a rape victim reaches the IO "within a period of seven
 *   days" of the examination, the first day excluded (General Clauses Act 1897 s.9): by the
 *   end of the examination date + 7 days (IST).
 * - BNSS 193(9) proviso: further investigation during the trial "completed within a period of
 *   ninety days" of the court's permission, the day of the order excluded (s.9 again): by the
 *   end of the order date + 90 days (IST), or of the date the court extended it to.
 */
import { istDate } from '../../lib/clock.js';
import { custodyLimit, type CustodySection, type Procedure, type Ruling } from '../masterdata/index.js';

export const CLOCK_KINDS = [
  'production_24h',
  'charge_sheet_60_90',
  'investigation_2_months',
  'progress_notice_90d',
  'forensic_scene_visit',
  'victim_medical_report_7d',
  'further_investigation_90d',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export interface ArrestFacts {
  id: string;
  /** A1 Ramesh Kumar */
  label: string;
  kind: 'arrest' | 'court_surrender';
  arrestedAt: Date;
  /** First production before a magistrate (a remand implies one). */
  producedAt: Date | null;
  journeyMinutes: number;
  firstRemandAt: Date | null;
  /** Released on bail or otherwise before production (ends the 24-hour clock). */
  releasedBeforeProductionAt: Date | null;
  /** Released on bail or otherwise after the first remand (ends the detention the 60/90 days limit). */
  releasedAfterRemandAt: Date | null;
}

/** BNSS 184: one medical examination of a rape victim, and when its report reached the IO. */
export interface VictimMedicalFacts {
  id: string;
  /** The victim's code in the case (V1): never the name (BNS 72). */
  label: string;
  examinedAt: Date;
  reportReceivedAt: Date | null;
}

/** BNSS 193(9): one further investigation the court permitted during the trial. */
export interface FurtherInvestigationFacts {
  id: string;
  /** The court's order reference. */
  label: string;
  /** The date of the court's order (IST calendar date). */
  orderedOn: string;
  /** The date the court last extended the period to, if it did. */
  extendedTo: string | null;
  /** When the further investigation was completed (the supplementary report filed). */
  completedAt: Date | null;
}

export interface CaseClockFacts {
  firId: string;
  registeredAt: Date;
  /** BNSS for an FIR registered on or after 1 July 2024 (BNSS 531(2)(a)). */
  procedure: Procedure;
  /** The case's sections as the master data (with the state's overrides) gives them. */
  sections: (CustodySection & { actCode: string; sectionCode: string })[];
  /** masterdata's twoMonthInvestigation(sections): BNSS 193(2) rape / POCSO. */
  twoMonth: Ruling;
  arrests: ArrestFacts[];
  /** The IO submitted the final report (the investigation is complete), if the case is still past that point. */
  finalReportSubmittedAt: Date | null;
  /** The SHO forwarded the final report to the court (charge sheet filed), if still so. */
  finalReportForwardedAt: Date | null;
  /** The first progress notice to the informant or victim. */
  progressNoticeAt: Date | null;
  /** masterdata's forensicVisit(sections): BNSS 176(3), seven years or more. */
  forensicVisit: Ruling;
  /** The first forensic expert's visit to the scene recorded for the case. */
  forensicVisitAt: Date | null;
  victimMedicals: VictimMedicalFacts[];
  furtherInvestigations: FurtherInvestigationFacts[];
}

export interface ClockSpec {
  key: string;
  kind: ClockKind;
  subjectId: string | null;
  subjectLabel: string | null;
  startedAt: Date;
  dueAt: Date;
  stoppedAt: Date | null;
  stopReason: string | null;
  basis: string;
  basisHi: string;
  details: Record<string, unknown>;
}

const HOUR = 3_600_000;

/** 'YYYY-MM-DD' + n days, as a calendar date. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' + n calendar months; a date the month lacks becomes its last day (31 Dec + 2 → 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The first instant of an IST calendar day. */
export function startOfIstDay(date: string): Date {
  return new Date(`${date}T00:00:00.000+05:30`);
}

/** The last instant of an IST calendar day. */
export function endOfIstDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+05:30`);
}

function production(a: ArrestFacts): ClockSpec | null {
  // A person who surrenders in court is already before the magistrate.
  if (a.kind !== 'arrest') return null;
  const journey = a.journeyMinutes > 0 ? a.journeyMinutes : 0;
  const dueAt = new Date(a.arrestedAt.getTime() + 24 * HOUR + journey * 60_000);
  let stoppedAt: Date | null = null;
  let stopReason: string | null = null;
  if (a.producedAt && (!a.releasedBeforeProductionAt || a.producedAt <= a.releasedBeforeProductionAt)) {
    stoppedAt = a.producedAt;
    stopReason = 'produced before the magistrate';
  } else if (a.releasedBeforeProductionAt) {
    stoppedAt = a.releasedBeforeProductionAt;
    stopReason = 'released from police custody before production';
  }
  return {
    key: `production_24h:${a.id}`,
    kind: 'production_24h',
    subjectId: a.id,
    subjectLabel: a.label,
    startedAt: a.arrestedAt,
    dueAt,
    stoppedAt,
    stopReason,
    basis:
      'BNSS 58: a person arrested without warrant is not detained for more than 24 hours without being produced before a magistrate, excluding the time of the journey from the place of arrest to the court.' +
      (journey ? ` Journey time recorded: ${journey} minutes.` : ''),
    basisHi:
      'बीएनएसएस 58: वारंट के बिना गिरफ्तार व्यक्ति को मजिस्ट्रेट के समक्ष पेश किए बिना 24 घंटे से अधिक निरुद्ध नहीं रखा जाएगा (गिरफ्तारी स्थल से न्यायालय तक की यात्रा का समय छोड़कर)।' +
      (journey ? ` दर्ज यात्रा समय: ${journey} मिनट।` : ''),
    details: { hours: 24, journeyMinutes: journey },
  };
}

function chargeSheet(f: CaseClockFacts, a: ArrestFacts): ClockSpec | null {
  if (!a.firstRemandAt) return null;
  const limit = custodyLimit(f.sections, { procedure: f.procedure });
  const remandDay = istDate(a.firstRemandAt);
  // The day of the first remand counts as day 1 (Kapil Wadhawan, SC 2023).
  const dueAt = endOfIstDay(addDays(remandDay, limit.days - 1));
  let stoppedAt: Date | null = null;
  let stopReason: string | null = null;
  if (f.finalReportForwardedAt && f.finalReportForwardedAt >= a.firstRemandAt) {
    stoppedAt = f.finalReportForwardedAt;
    stopReason = 'final report forwarded to the court';
  } else if (a.releasedAfterRemandAt) {
    stoppedAt = a.releasedAfterRemandAt;
    stopReason = 'accused released from custody';
  }
  const decided = limit.decidedBy?.actCode ? `${limit.decidedBy.actCode} ${limit.decidedBy.sectionCode}` : null;
  return {
    key: `charge_sheet_60_90:${a.id}`,
    kind: 'charge_sheet_60_90',
    subjectId: a.id,
    subjectLabel: a.label,
    startedAt: a.firstRemandAt,
    dueAt,
    stoppedAt,
    stopReason,
    basis: `${limit.basis} Counted from the first remand on ${remandDay}, that day included (Enforcement Directorate v. Kapil Wadhawan, SC 2023); after the ${limit.days}th day the accused may claim default bail (BNSS 187(3)).`,
    basisHi:
      `बीएनएसएस 187(3): ${limit.days} दिन${decided ? ` (${decided} के आधार पर)` : ''}; प्रथम रिमांड ${remandDay} से, वह दिन सम्मिलित। ${limit.days}वें दिन के बाद आरोप पत्र न होने पर अभियुक्त व्यतिक्रम जमानत (डिफ़ॉल्ट बेल) का अधिकारी है।` +
      (limit.contested ? ` यह विवादित 10-वर्ष रेखा पर है; दूसरी व्याख्या से ${limit.alternativeDays} दिन।` : ''),
    details: {
      days: limit.days,
      contested: limit.contested,
      alternativeDays: limit.alternativeDays ?? null,
      decidedBy: decided,
      indeterminate: limit.indeterminate ?? false,
      procedure: f.procedure,
    },
  };
}

function twoMonths(f: CaseClockFacts): ClockSpec | null {
  if (!f.twoMonth.applies) return null;
  const day = istDate(f.registeredAt);
  const dueAt = endOfIstDay(addMonths(day, 2));
  return {
    key: 'investigation_2_months',
    kind: 'investigation_2_months',
    subjectId: null,
    subjectLabel: null,
    startedAt: f.registeredAt,
    dueAt,
    stoppedAt: f.finalReportSubmittedAt,
    stopReason: f.finalReportSubmittedAt ? 'investigation completed: final report submitted' : null,
    basis: `${f.twoMonth.basis} Counted from ${day}, the first day excluded (General Clauses Act 1897 s.9).`,
    basisHi:
      'बीएनएसएस 193(2): बलात्संग (बीएनएस 64-68, 70, 71) और पॉक्सो (धारा 4, 6, 8, 10) की विवेचना सूचना दर्ज होने की तिथि से दो माह में पूरी होगी।',
    details: { months: 2 },
  };
}

function progressNotice(f: CaseClockFacts): ClockSpec | null {
  if (f.procedure !== 'BNSS') return null;
  const day = istDate(f.registeredAt);
  // The first notice stops it; so does the end of the investigation, when the final report goes
  // to the court (the informant is then told of the action taken under the same sub-section).
  const candidates = [f.progressNoticeAt, f.finalReportForwardedAt].filter((d): d is Date => d !== null);
  const stop = candidates.length ? candidates.reduce((a, b) => (a <= b ? a : b)) : null;
  return {
    key: 'progress_notice_90d',
    kind: 'progress_notice_90d',
    subjectId: null,
    subjectLabel: null,
    startedAt: f.registeredAt,
    dueAt: endOfIstDay(addDays(day, 90)),
    stoppedAt: stop,
    stopReason:
      stop === null
        ? null
        : stop === f.progressNoticeAt
          ? 'progress notice sent to the informant / victim'
          : 'investigation completed: final report forwarded to the court',
    basis:
      'BNSS 193(3)(ii): the police officer informs the informant or the victim of the progress of the investigation within ninety days, by any means including electronic communication. Counted from the registration, the first day excluded.',
    basisHi: 'बीएनएसएस 193(3)(ii): पुलिस अधिकारी नब्बे दिनों के भीतर सूचनाकर्ता या पीड़ित को विवेचना की प्रगति की सूचना देगा, इलेक्ट्रॉनिक माध्यम सहित।',
    details: { days: 90 },
  };
}

/**
 * BNSS 176(3): on receipt of information of an offence punishable with seven years or more, the
 * officer in charge causes a forensic expert to visit the crime scene, to collect forensic
 * evidence, with videography of the process. The section sets no period, so there is no due
 * date to count to; inventing one (a day, a week) would make the system state law it does not
 * have. It is modelled as a requirement that arises with the information (startedAt = dueAt =
 * the registration, so it is listed among what is outstanding, oldest first, and never as
 * "due in …"), with `details.statutoryPeriod: false`:
 * - while the investigation is open and no visit is recorded: status 'required' ("required,
 *   not recorded");
 * - a visit recorded before the final report: met, stopped at the visit;
 * - the final report submitted without one: missed, stopped at the submission. A report the
 *   SHO returns reopens the investigation and the requirement with it.
 * Only for the BNSS: the CrPC had no such duty (an investigation pending on 1 July 2024 goes on
 * under the CrPC, BNSS 531(2)(a)). The State's notification of the date from which the duty
 * runs (the sub-section's proviso, within five years) is not modelled: the system applies it
 * to every BNSS case.
 */
function forensicScene(f: CaseClockFacts): ClockSpec | null {
  if (f.procedure !== 'BNSS' || !f.forensicVisit.applies) return null;
  const visit = f.forensicVisitAt;
  const report = f.finalReportSubmittedAt;
  let stoppedAt: Date | null = null;
  let stopReason: string | null = null;
  let fulfilled: boolean | null = null;
  if (visit && (!report || visit <= report)) {
    stoppedAt = visit;
    stopReason = 'forensic expert’s visit to the scene recorded';
    fulfilled = true;
  } else if (report) {
    stoppedAt = report;
    stopReason = 'final report submitted without a forensic visit to the scene';
    fulfilled = false;
  }
  return {
    key: 'forensic_scene_visit',
    kind: 'forensic_scene_visit',
    subjectId: null,
    subjectLabel: null,
    startedAt: f.registeredAt,
    dueAt: f.registeredAt,
    stoppedAt,
    stopReason,
    basis: `${f.forensicVisit.basis} BNSS 176(3) sets no period: the visit is required from the receipt of the information and is missed if the final report is submitted without one.`,
    basisHi:
      'बीएनएसएस 176(3): सात वर्ष या अधिक के दंडनीय अपराध की सूचना मिलने पर थाना प्रभारी फॉरेंसिक विशेषज्ञ से अपराध स्थल का निरीक्षण कराएगा और साक्ष्य संग्रह की वीडियोग्राफी कराएगा। कोई अवधि निर्धारित नहीं: निरीक्षण सूचना से ही आवश्यक है; इसके बिना अंतिम प्रतिवेदन प्रस्तुत होने पर चूक माना जाएगा।',
    details: { statutoryPeriod: false, fulfilled },
  };
}

/**
 * BNSS 184(6): the registered medical practitioner forwards the report of the examination of a
 * rape victim to the investigating officer within seven days; counted from the examination,
 * the first day excluded. Stopped when the IO records the report received. (CrPC 164A(5) said
 * only "without delay": no clock for a CrPC investigation.)
 */
function medicalReport(f: CaseClockFacts, m: VictimMedicalFacts): ClockSpec | null {
  if (f.procedure !== 'BNSS') return null;
  const day = istDate(m.examinedAt);
  return {
    key: `victim_medical_report_7d:${m.id}`,
    kind: 'victim_medical_report_7d',
    subjectId: m.id,
    subjectLabel: m.label,
    startedAt: m.examinedAt,
    dueAt: endOfIstDay(addDays(day, 7)),
    stoppedAt: m.reportReceivedAt,
    stopReason: m.reportReceivedAt ? 'medical report received by the IO' : null,
    basis: `BNSS 184(6): the registered medical practitioner forwards the report of the medical examination of the victim to the investigating officer within seven days. Counted from the examination on ${day}, the first day excluded (General Clauses Act 1897 s.9).`,
    basisHi: `बीएनएसएस 184(6): पंजीकृत चिकित्सा व्यवसायी पीड़िता की चिकित्सा परीक्षा की रिपोर्ट सात दिन के भीतर विवेचक को भेजेगा। परीक्षा की तिथि ${day} से, पहला दिन छोड़कर।`,
    details: { days: 7 },
  };
}

/**
 * BNSS 193(9) proviso: further investigation during the trial, with the permission of the
 * court trying the case, is completed within ninety days, which the court may extend. Counted
 * from the date of the court's order, that day excluded; an extension moves the due date to
 * the end of the day the court extended it to. Stopped when the further investigation is
 * completed (the supplementary report filed). CrPC 173(8) set no period: BNSS cases only.
 */
function furtherInvestigation(f: CaseClockFacts, fi: FurtherInvestigationFacts): ClockSpec | null {
  if (f.procedure !== 'BNSS') return null;
  const due = fi.extendedTo ?? addDays(fi.orderedOn, 90);
  return {
    key: `further_investigation_90d:${fi.id}`,
    kind: 'further_investigation_90d',
    subjectId: fi.id,
    subjectLabel: fi.label,
    startedAt: startOfIstDay(fi.orderedOn),
    dueAt: endOfIstDay(due),
    stoppedAt: fi.completedAt,
    stopReason: fi.completedAt ? 'further investigation completed: supplementary report filed' : null,
    basis:
      `BNSS 193(9): further investigation during the trial, with the permission of the court trying the case, is completed within ninety days, extendable with the court's permission. Counted from the order of ${fi.orderedOn}, that day excluded (General Clauses Act 1897 s.9)` +
      (fi.extendedTo ? `; extended by the court to ${fi.extendedTo}.` : '.'),
    basisHi:
      `बीएनएसएस 193(9): विचारण के दौरान न्यायालय की अनुमति से अग्रिम विवेचना नब्बे दिन में पूर्ण होगी, जिसे न्यायालय की अनुमति से बढ़ाया जा सकता है। आदेश ${fi.orderedOn} से, वह दिन छोड़कर` +
      (fi.extendedTo ? `; न्यायालय द्वारा ${fi.extendedTo} तक बढ़ाई गई।` : '।'),
    details: { days: 90, extendedTo: fi.extendedTo },
  };
}

/** Every clock of a case, from its facts. Pure. */
export function computeClocks(f: CaseClockFacts): ClockSpec[] {
  const out: ClockSpec[] = [];
  for (const a of f.arrests) {
    const p = production(a);
    if (p) out.push(p);
    const c = chargeSheet(f, a);
    if (c) out.push(c);
  }
  const t = twoMonths(f);
  if (t) out.push(t);
  const n = progressNotice(f);
  if (n) out.push(n);
  const v = forensicScene(f);
  if (v) out.push(v);
  for (const m of f.victimMedicals) {
    const r = medicalReport(f, m);
    if (r) out.push(r);
  }
  for (const fi of f.furtherInvestigations) {
    const r = furtherInvestigation(f, fi);
    if (r) out.push(r);
  }
  return out;
}

/**
 * 'required': a requirement with no statutory period (BNSS 176(3)) that is not yet met — read
 * "required, not recorded".
 */
export type ClockStatus = 'met' | 'missed' | 'running' | 'due_soon' | 'overdue' | 'required';

/**
 * A clock's status at `now`: stopped in time (met) or late (missed); running, due within
 * `soonMs` (default 7 days) or overdue. Due at exactly `dueAt` is still in time.
 *
 * A clock whose details say `statutoryPeriod: false` has no due date to be late against: it
 * is 'required' until stopped, then met or missed as its details say (`fulfilled`).
 */
export function clockStatus(
  c: { dueAt: Date; stoppedAt: Date | null; details?: Record<string, unknown> | null },
  now: Date,
  soonMs = 7 * 24 * HOUR,
): ClockStatus {
  if (c.details?.statutoryPeriod === false) return !c.stoppedAt ? 'required' : c.details.fulfilled === true ? 'met' : 'missed';
  if (c.stoppedAt) return c.stoppedAt.getTime() <= c.dueAt.getTime() ? 'met' : 'missed';
  if (now.getTime() > c.dueAt.getTime()) return 'overdue';
  if (c.dueAt.getTime() - now.getTime() <= soonMs) return 'due_soon';
  return 'running';
}

export const CLOCK_LABELS = {
  production_24h: { en: 'Produce before magistrate (24 h)', hi: 'मजिस्ट्रेट के समक्ष पेशी (24 घंटे)' },
  charge_sheet_60_90: { en: 'Charge sheet before default bail (60/90 days)', hi: 'डिफ़ॉल्ट बेल से पहले आरोप पत्र (60/90 दिन)' },
  investigation_2_months: { en: 'Complete rape/POCSO investigation (2 months)', hi: 'बलात्संग/पॉक्सो विवेचना पूर्ण (2 माह)' },
  progress_notice_90d: { en: 'Inform informant/victim of progress (90 days)', hi: 'सूचनाकर्ता/पीड़ित को प्रगति की सूचना (90 दिन)' },
  forensic_scene_visit: {
    en: 'Forensic expert’s visit to the crime scene (7 years or more)',
    hi: 'फॉरेंसिक विशेषज्ञ द्वारा अपराध स्थल निरीक्षण (7 वर्ष या अधिक)',
  },
  victim_medical_report_7d: { en: 'Victim’s medical report to the IO (7 days)', hi: 'पीड़िता की चिकित्सा रिपोर्ट विवेचक को (7 दिन)' },
  further_investigation_90d: {
    en: 'Complete further investigation during trial (90 days)',
    hi: 'विचारण के दौरान अग्रिम विवेचना पूर्ण (90 दिन)',
  },
} as const satisfies Record<ClockKind, { en: string; hi: string }>;
