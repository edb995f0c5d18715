import { describe, expect, it } from 'vitest';
import { forensicVisit, getCatalogue, twoMonthInvestigation } from '../masterdata/index.js';
import {
  addDays,
  addMonths,
  clockStatus,
  computeClocks,
  endOfIstDay,
  startOfIstDay,
  type ArrestFacts,
  type CaseClockFacts,
  type FurtherInvestigationFacts,
  type VictimMedicalFacts,
} from './engine.js';

/** The case's sections as the clock engine takes them, from the shipped master data (with an optional override). */
function sections(refs: string[], override?: { section: string; days: 60 | 90 }) {
  const cat = getCatalogue();
  return refs.map((r) => {
    const [act, section] = r.split(' ');
    const s = cat.findSection(act, section);
    if (!s) throw new Error(`no ${r} in the master data`);
    return {
      actCode: s.actCode,
      sectionCode: s.sectionCode,
      maxMonths: s.maxMonths,
      minMonths: s.minMonths,
      maxDeath: s.maxDeath,
      maxLife: s.maxLife,
      fineOnly: s.fineOnly,
      custodyDaysOverride: override?.section === r ? override.days : s.custodyDaysOverride,
      overrideBasis: override?.section === r ? 'State circular (test)' : null,
    };
  });
}

const REG = new Date('2026-01-15T05:00:00Z'); // 10:30 IST

function facts(over: Partial<CaseClockFacts> & { refs?: string[]; override?: { section: string; days: 60 | 90 } } = {}): CaseClockFacts {
  const secs = sections(over.refs ?? ['BNS 305'], over.override);
  return {
    firId: 'f1',
    registeredAt: REG,
    procedure: 'BNSS',
    sections: secs,
    twoMonth: twoMonthInvestigation(secs),
    arrests: [],
    finalReportSubmittedAt: null,
    finalReportForwardedAt: null,
    progressNoticeAt: null,
    forensicVisit: forensicVisit(secs),
    forensicVisitAt: null,
    victimMedicals: [],
    furtherInvestigations: [],
    ...over,
  };
}

const arrest = (over: Partial<ArrestFacts> = {}): ArrestFacts => ({
  id: 'a1',
  label: 'A1 Ramesh',
  kind: 'arrest',
  arrestedAt: new Date('2026-01-16T14:00:00Z'),
  producedAt: null,
  journeyMinutes: 0,
  firstRemandAt: null,
  releasedBeforeProductionAt: null,
  releasedAfterRemandAt: null,
  ...over,
});

const H = 3_600_000;
const clock = (f: CaseClockFacts, kind: string) => computeClocks(f).find((c) => c.kind === kind);

describe('BNSS 58: production within 24 hours of the arrest', () => {
  it('is due exactly 24 hours after the arrest: at that instant it is still in time, a millisecond later overdue', () => {
    const a = arrest();
    const c = clock(facts({ arrests: [a] }), 'production_24h')!;
    expect(c.dueAt.getTime() - a.arrestedAt.getTime()).toBe(24 * H);
    expect(clockStatus(c, new Date(a.arrestedAt.getTime() + 24 * H))).toBe('due_soon');
    expect(clockStatus(c, new Date(a.arrestedAt.getTime() + 24 * H + 1))).toBe('overdue');
    expect(c.basis).toMatch(/BNSS 58/);
    expect(c.basisHi).toMatch(/बीएनएसएस 58/);
  });

  it('production at exactly 24 hours is met; a minute later is missed', () => {
    const at = new Date('2026-01-16T14:00:00Z');
    const met = clock(facts({ arrests: [arrest({ producedAt: new Date(at.getTime() + 24 * H) })] }), 'production_24h')!;
    expect(clockStatus(met, new Date('2026-02-01T00:00:00Z'))).toBe('met');
    const late = clock(facts({ arrests: [arrest({ producedAt: new Date(at.getTime() + 24 * H + 60_000) })] }), 'production_24h')!;
    expect(clockStatus(late, new Date('2026-02-01T00:00:00Z'))).toBe('missed');
  });

  it('excludes the journey to the court, and stops on release before production', () => {
    const a = arrest({ journeyMinutes: 90, producedAt: new Date('2026-01-17T15:15:00Z') });
    const c = clock(facts({ arrests: [a] }), 'production_24h')!;
    expect(c.dueAt.toISOString()).toBe('2026-01-17T15:30:00.000Z');
    expect(clockStatus(c, new Date('2026-03-01T00:00:00Z'))).toBe('met');
    const bailed = clock(facts({ arrests: [arrest({ releasedBeforeProductionAt: new Date('2026-01-16T18:00:00Z') })] }), 'production_24h')!;
    expect(bailed.stoppedAt?.toISOString()).toBe('2026-01-16T18:00:00.000Z');
  });

  it('does not run for a person who surrendered in court', () => {
    expect(clock(facts({ arrests: [arrest({ kind: 'court_surrender' })] }), 'production_24h')).toBeUndefined();
  });
});

describe('BNSS 187(3): charge sheet within 60 or 90 days of the first remand', () => {
  const remand = new Date('2026-01-15T08:00:00Z'); // 13:30 IST on 15 January
  const withRemand = (refs: string[], over: Partial<CaseClockFacts> & { override?: { section: string; days: 60 | 90 } } = {}) =>
    clock(
      facts({
        refs,
        arrests: [arrest({ arrestedAt: new Date('2026-01-14T10:00:00Z'), producedAt: remand, firstRemandAt: remand })],
        ...over,
      }),
      'charge_sheet_60_90',
    )!;

  it('60 days for a 7-year offence, the day of remand counted: due by the end of 15 March (IST)', () => {
    const c = withRemand(['BNS 305']);
    expect(c.details.days).toBe(60);
    expect(c.dueAt.toISOString()).toBe(endOfIstDay('2026-03-15').toISOString());
    expect(c.basis).toMatch(/187\(3\)\(ii\)/);
    expect(c.basis).toMatch(/Kapil Wadhawan/);
    expect(clockStatus(c, endOfIstDay('2026-03-15'))).toBe('due_soon');
    expect(clockStatus(c, new Date('2026-03-15T18:30:00Z'))).toBe('overdue'); // 00:00 IST on 16 March
  });

  it('90 days for a 10-year offence under the BNSS words, marked contested (Rakesh Kumar Paul gives 60)', () => {
    const c = withRemand(['BNS 331(3)']);
    expect(c.details.days).toBe(90);
    expect(c.details.contested).toBe(true);
    expect(c.details.alternativeDays).toBe(60);
    expect(c.dueAt.toISOString()).toBe(endOfIstDay('2026-04-14').toISOString());
    expect(c.basis).toMatch(/Rakesh Kumar Paul/);
  });

  it('90 days, uncontested, for an offence punishable with life', () => {
    const c = withRemand(['BNS 109(1)']);
    expect(c.details.days).toBe(90);
    expect(c.details.contested).toBe(false);
  });

  it('the gravest section decides: a 7-year and a life section together give 90', () => {
    expect(withRemand(['BNS 305', 'BNS 109(1)']).details.days).toBe(90);
  });

  it('a state’s per-section override wins over the computed class', () => {
    const c = withRemand(['BNS 331(3)'], { override: { section: 'BNS 331(3)', days: 60 } });
    expect(c.details.days).toBe(60);
    expect(c.details.contested).toBe(false);
    expect(c.basis).toMatch(/State circular/);
    expect(c.dueAt.toISOString()).toBe(endOfIstDay('2026-03-15').toISOString());
  });

  it('an investigation pending under the CrPC reads the 10-year line as Rakesh Kumar Paul did: 60 days', () => {
    expect(withRemand(['BNS 331(3)'], { procedure: 'CRPC' }).details.days).toBe(60);
  });

  it('does not start before a remand, and stops when the final report is forwarded or the accused is released', () => {
    expect(clock(facts({ arrests: [arrest()] }), 'charge_sheet_60_90')).toBeUndefined();
    const filed = withRemand(['BNS 305'], { finalReportForwardedAt: new Date('2026-03-01T06:00:00Z') });
    expect(clockStatus(filed, new Date('2026-06-01T00:00:00Z'))).toBe('met');
    const a = arrest({ firstRemandAt: remand, producedAt: remand, releasedAfterRemandAt: new Date('2026-02-01T06:00:00Z') });
    expect(clock(facts({ arrests: [a] }), 'charge_sheet_60_90')!.stopReason).toMatch(/released/);
  });
});

describe('BNSS 193(2) and 193(3)(ii)', () => {
  it('a rape case must be investigated within two months of the information', () => {
    const c = clock(facts({ refs: ['BNS 64(1)'] }), 'investigation_2_months')!;
    expect(c.dueAt.toISOString()).toBe(endOfIstDay('2026-03-15').toISOString());
    expect(c.basis).toMatch(/193\(2\)/);
    expect(clock(facts({ refs: ['BNS 305'] }), 'investigation_2_months')).toBeUndefined();
    const done = clock(facts({ refs: ['BNS 64(1)'], finalReportSubmittedAt: new Date('2026-03-01T00:00:00Z') }), 'investigation_2_months')!;
    expect(clockStatus(done, new Date('2026-04-01T00:00:00Z'))).toBe('met');
  });

  it('the informant is told of the progress within 90 days; the notice stops the clock', () => {
    const c = clock(facts(), 'progress_notice_90d')!;
    expect(c.dueAt.toISOString()).toBe(endOfIstDay('2026-04-15').toISOString());
    expect(clockStatus(c, new Date('2026-04-16T00:00:00Z'))).toBe('overdue');
    const sent = clock(facts({ progressNoticeAt: new Date('2026-02-01T00:00:00Z') }), 'progress_notice_90d')!;
    expect(clockStatus(sent, new Date('2026-04-16T00:00:00Z'))).toBe('met');
    expect(clock(facts({ procedure: 'CRPC' }), 'progress_notice_90d')).toBeUndefined();
    // The end of the investigation stops it too: the final report forwarded to the court.
    const forwarded = clock(facts({ finalReportForwardedAt: new Date('2026-05-01T00:00:00Z') }), 'progress_notice_90d')!;
    expect(forwarded.stopReason).toMatch(/final report/);
    expect(clockStatus(forwarded, new Date('2026-06-01T00:00:00Z'))).toBe('missed');
  });
});

describe('BNSS 176(3): the forensic expert’s visit to the scene, a requirement with no period', () => {
  const NOW = new Date('2026-06-01T00:00:00Z');

  it('is required, not recorded, for an offence of seven years or more while the investigation is open', () => {
    const c = clock(facts({ refs: ['BNS 305'] }), 'forensic_scene_visit')!; // BNS 305: up to 7 years
    expect(c.startedAt).toEqual(REG);
    expect(c.dueAt).toEqual(REG);
    expect(c.stoppedAt).toBeNull();
    expect(c.details).toEqual({ statutoryPeriod: false, fulfilled: null });
    // Never "overdue" or "due soon": the section gives no date to be late against.
    expect(clockStatus(c, REG)).toBe('required');
    expect(clockStatus(c, NOW)).toBe('required');
    expect(c.basis).toMatch(/BNSS 176\(3\)/);
    expect(c.basis).toMatch(/sets no period/);
    expect(c.basisHi).toMatch(/बीएनएसएस 176\(3\)/);
  });

  it('does not apply below seven years, nor to an investigation under the CrPC', () => {
    expect(clock(facts({ refs: ['BNS 303(2)'] }), 'forensic_scene_visit')).toBeUndefined(); // up to 3 years
    expect(clock(facts({ refs: ['BNS 305'], procedure: 'CRPC' }), 'forensic_scene_visit')).toBeUndefined();
    expect(clock(facts({ refs: ['BNS 103(1)'] }), 'forensic_scene_visit')).toBeDefined(); // murder
  });

  it('is met by a visit recorded before the final report, even one at the very instant of the submission', () => {
    const visit = new Date('2026-01-20T06:00:00Z');
    const c = clock(facts({ forensicVisitAt: visit }), 'forensic_scene_visit')!;
    expect(c.stoppedAt).toEqual(visit);
    expect(clockStatus(c, NOW)).toBe('met');
    const same = clock(facts({ forensicVisitAt: visit, finalReportSubmittedAt: visit }), 'forensic_scene_visit')!;
    expect(clockStatus(same, NOW)).toBe('met');
  });

  it('is missed when the final report is submitted without one, and a visit after the report does not mend it', () => {
    const report = new Date('2026-03-01T06:00:00Z');
    const c = clock(facts({ finalReportSubmittedAt: report }), 'forensic_scene_visit')!;
    expect(c.stoppedAt).toEqual(report);
    expect(c.stopReason).toMatch(/without a forensic visit/);
    expect(clockStatus(c, NOW)).toBe('missed');
    const late = clock(
      facts({ finalReportSubmittedAt: report, forensicVisitAt: new Date(report.getTime() + 60_000) }),
      'forensic_scene_visit',
    )!;
    expect(clockStatus(late, NOW)).toBe('missed');
  });
});

describe('BNSS 184(6): the victim’s medical report within seven days of the examination', () => {
  const examinedAt = new Date('2026-01-16T09:30:00Z'); // 15:00 IST on 16 January
  const exam = (over: Partial<VictimMedicalFacts> = {}): VictimMedicalFacts => ({
    id: 'm1',
    label: 'V1',
    examinedAt,
    reportReceivedAt: null,
    ...over,
  });
  const medical = (m: VictimMedicalFacts, over: Partial<CaseClockFacts> = {}) =>
    clock(facts({ refs: ['BNS 64(1)'], victimMedicals: [m], ...over }), 'victim_medical_report_7d');

  it('is due by the end of the seventh day after the examination (IST), the first day excluded', () => {
    const c = medical(exam())!;
    expect(c.key).toBe('victim_medical_report_7d:m1');
    expect(c.subjectLabel).toBe('V1');
    expect(c.startedAt).toEqual(examinedAt);
    expect(c.dueAt.toISOString()).toBe(endOfIstDay('2026-01-23').toISOString());
    expect(clockStatus(c, endOfIstDay('2026-01-23'))).toBe('due_soon');
    expect(clockStatus(c, new Date(endOfIstDay('2026-01-23').getTime() + 1))).toBe('overdue');
    expect(c.basis).toMatch(/BNSS 184\(6\)/);
    expect(c.basis).toMatch(/first day excluded/);
    expect(c.basisHi).toMatch(/बीएनएसएस 184\(6\)/);
  });

  it('a report received exactly at the due instant is in time; one minute later is missed', () => {
    const due = endOfIstDay('2026-01-23');
    const met = medical(exam({ reportReceivedAt: due }))!;
    expect(met.stopReason).toMatch(/received/);
    expect(clockStatus(met, new Date('2026-03-01T00:00:00Z'))).toBe('met');
    const late = medical(exam({ reportReceivedAt: new Date(due.getTime() + 60_000) }))!;
    expect(clockStatus(late, new Date('2026-03-01T00:00:00Z'))).toBe('missed');
  });

  it('runs one clock per examination, and none under the CrPC (164A(5) said only "without delay")', () => {
    const two = computeClocks(facts({ victimMedicals: [exam(), exam({ id: 'm2', label: 'V2' })] })).filter(
      (c) => c.kind === 'victim_medical_report_7d',
    );
    expect(two.map((c) => c.subjectLabel)).toEqual(['V1', 'V2']);
    expect(medical(exam(), { procedure: 'CRPC' })).toBeUndefined();
  });
});

describe('BNSS 193(9): further investigation during the trial within 90 days of the court’s permission', () => {
  const fi = (over: Partial<FurtherInvestigationFacts> = {}): FurtherInvestigationFacts => ({
    id: 'fi1',
    label: 'Order in S.T. 112/2026',
    orderedOn: '2026-05-10',
    extendedTo: null,
    completedAt: null,
    ...over,
  });
  const further = (x: FurtherInvestigationFacts, over: Partial<CaseClockFacts> = {}) =>
    clock(facts({ furtherInvestigations: [x], ...over }), 'further_investigation_90d');

  it('is due by the end of the 90th day after the order (IST), the day of the order excluded', () => {
    const c = further(fi())!;
    expect(c.key).toBe('further_investigation_90d:fi1');
    expect(c.subjectLabel).toBe('Order in S.T. 112/2026');
    expect(c.startedAt).toEqual(startOfIstDay('2026-05-10'));
    expect(addDays('2026-05-10', 90)).toBe('2026-08-08');
    expect(c.dueAt.toISOString()).toBe(endOfIstDay('2026-08-08').toISOString());
    expect(clockStatus(c, endOfIstDay('2026-08-08'))).toBe('due_soon');
    expect(clockStatus(c, new Date(endOfIstDay('2026-08-08').getTime() + 1))).toBe('overdue');
    expect(clockStatus(c, new Date('2026-06-01T00:00:00Z'))).toBe('running');
    expect(c.basis).toMatch(/BNSS 193\(9\)/);
    expect(c.basisHi).toMatch(/बीएनएसएस 193\(9\)/);
  });

  it('completion exactly at the due instant is in time; a minute later is missed', () => {
    const due = endOfIstDay('2026-08-08');
    const met = further(fi({ completedAt: due }))!;
    expect(met.stopReason).toMatch(/supplementary report/);
    expect(clockStatus(met, new Date('2026-12-01T00:00:00Z'))).toBe('met');
    const late = further(fi({ completedAt: new Date(due.getTime() + 60_000) }))!;
    expect(clockStatus(late, new Date('2026-12-01T00:00:00Z'))).toBe('missed');
  });

  it('an extension by the court moves the due date to the end of the day extended to', () => {
    const c = further(fi({ extendedTo: '2026-09-30', completedAt: new Date('2026-09-20T06:00:00Z') }))!;
    expect(c.dueAt.toISOString()).toBe(endOfIstDay('2026-09-30').toISOString());
    expect(c.details.extendedTo).toBe('2026-09-30');
    expect(c.basis).toMatch(/extended by the court to 2026-09-30/);
    expect(clockStatus(c, new Date('2026-12-01T00:00:00Z'))).toBe('met');
    expect(further(fi(), { procedure: 'CRPC' })).toBeUndefined();
  });
});

describe('calendar arithmetic', () => {
  it('adds days and months as calendar dates', () => {
    expect(addDays('2026-01-15', 59)).toBe('2026-03-15');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', 2)).toBe('2026-03-15');
    expect(endOfIstDay('2026-03-15').toISOString()).toBe('2026-03-15T18:29:59.999Z');
  });
});
