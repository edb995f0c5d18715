/**
 * Shapes the prosecution module's rows for their viewers. Police viewers of the case see the
 * report as it is. The court side (clerk screen, machine API) sees what was filed with it: the
 * package (which already withholds a victim's identity, BNS 72) and the court's own records,
 * never the police-only draft or its revisions.
 */
import { CLOSURE_LABELS, CUSTODY_LABELS, KIND_LABELS } from './content.js';
import type { CourtCaseView } from './proceedings.js';
import type { PackageListRow, PackageMeta, ReportRow } from './repository.js';

export function reportView(r: ReportRow) {
  return {
    id: r.id,
    caseId: r.fir_id,
    reportNo: r.report_no,
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind],
    closureReason: r.closure_reason,
    closureLabel: r.closure_reason ? CLOSURE_LABELS[r.closure_reason] : null,
    status: r.status,
    version: r.version,
    court: r.court_id ? { id: r.court_id, code: r.court_code, name: r.court_name, nameHi: r.court_name_hi } : null,
    io: { id: r.io_id, name: r.io_name, rank: r.io_rank },
    content: {
      ...r.content,
      accusedCharged: r.content.accusedCharged.map((a) => ({ ...a, custodyLabel: CUSTODY_LABELS[a.custody.status] })),
      accusedNotCharged: r.content.accusedNotCharged.map((a) => ({ ...a, custodyLabel: CUSTODY_LABELS[a.custody.status] })),
    },
    returned: r.returned_at ? { at: r.returned_at, by: r.returned_by_name, remarks: r.returned_remarks } : null,
    submitted: r.submitted_at ? { at: r.submitted_at, by: r.submitted_by_name } : null,
    approved: r.approved_at ? { at: r.approved_at, by: r.approved_by_name } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function packageView(p: PackageMeta) {
  return {
    packageId: p.id,
    caseId: p.fir_id,
    finalReportId: p.final_report_id,
    schema: p.schema_version,
    packageSha256: p.package_sha256,
    pdf: { en: { sha256: p.pdf_en_sha256 }, hi: { sha256: p.pdf_hi_sha256 } },
    status: p.status,
    deliveredVia: p.delivered_via,
    cnr: p.cnr,
    courtCaseNo: p.court_case_no,
    createdAt: p.created_at,
    deliveredAt: p.delivered_at,
    acceptedAt: p.accepted_at,
    acceptedBy: p.accepted_by_name,
  };
}

export function packageListItem(r: PackageListRow) {
  return {
    ...packageView(r),
    firNumber: r.fir_number,
    station: { code: r.station_code, name: r.station_name, nameHi: r.station_name_hi },
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind],
    closureReason: r.closure_reason,
    stage: r.stage,
  };
}

type Hearing = CourtCaseView['hearings'][number];
type Disposal = NonNullable<CourtCaseView['disposal']>;
type Appeal = CourtCaseView['appeals'][number];

export const hearingView = (h: Hearing) => ({
  id: h.id,
  date: h.hearing_date,
  purpose: h.purpose,
  chargesFramed: h.charges_framed,
  source: h.source,
  recordedBy: h.recorded_by_name,
  recordedAt: h.recorded_at,
});

export const disposalView = (d: Disposal) => ({
  id: d.id,
  decidedOn: d.decided_on,
  judgmentRef: d.judgment_ref,
  result: d.result,
  remarks: d.remarks,
  source: d.source,
  recordedBy: d.recorded_by_name,
  recordedAt: d.recorded_at,
  accused: d.accused.map((a) => ({ code: a.code, name: a.name, result: a.result, sections: a.sections, sentence: a.sentence })),
});

export const appealView = (a: Appeal) => ({
  id: a.id,
  appealRef: a.appeal_ref,
  appellateCourt: a.appellate_court,
  appellant: a.appellant,
  filedOn: a.filed_on,
  decidedOn: a.decided_on,
  result: a.result,
  accused: a.accused,
  remarks: a.remarks,
  source: a.source,
  recordedAt: a.recorded_at,
});

/** A case as the court sees it: the package it received, and its own proceedings. */
export function courtCaseJson(v: CourtCaseView) {
  return {
    ...packageView(v.p),
    firNumber: v.firNumber,
    station: { code: v.stationCode, name: v.stationName, nameHi: v.stationNameHi },
    stage: v.stage,
    courtCase: v.courtCase
      ? {
          cnr: v.courtCase.cnr,
          courtCaseNo: v.courtCase.court_case_no,
          acceptedAt: v.courtCase.accepted_at,
          acceptedVia: v.courtCase.accepted_via,
        }
      : null,
    hearings: v.hearings.map(hearingView),
    disposal: v.disposal ? disposalView(v.disposal) : null,
    appeals: v.appeals.map(appealView),
    actions: v.actions,
    package: v.package,
  };
}
