/**
 * The final report (IIF-5) from the first draft to the court:
 *
 *   IO: POST final-report (draft assembled from the records) → PUT (edits, versioned: a stale
 *   save is 412) → submit (workflow submit_final_report; to the SHO)
 *   SHO: approve (workflow approve_final_report; the e-filing package is built and written to
 *   the outbox in the same transaction) | return with remarks (return_final_report)
 *
 * Only the case's designated IO writes or submits the report (CAG Odisha 2025: charge sheets
 * by officers who were not the designated IO), and only the SHO of the case's station approves
 * or returns it: the workflow table (investigation/workflow.ts) decides, this module adds what
 * the report itself requires. The workflow moves can also come through the generic
 * POST /cases/:id/transition route: the hooks registered in hooks.ts do the report's part there
 * too, so both ways end in the same state.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Deps } from '../../http/types.js';
import { conflict, staleVersion, unprocessable } from '../../lib/errors.js';
import { newId, sha256Hex } from '../../lib/ids.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { courtForDistrict, defaultCourt, findCourt } from '../court/service.js';
import { findDistrict } from '../org/repository.js';
import * as inv from '../investigation/repository.js';
import type { CaseRow } from '../investigation/repository.js';
import { getCase, requireDesignatedIo, type Officer } from '../investigation/service.js';
import { officerActor, transition, type WorkflowActor } from '../investigation/transition.js';
import { applyEdit, assembleDraft, checkComplete, gatherSources, type FinalReportContent, type ReportEdit } from './content.js';
import { EFILING_SCHEMA, efilingPackageSchema, packageSha256, type EfilingPackage } from './efiling-schema.js';
import { renderFinalReportPdf, type ReportPdfData } from './pdf.js';
import * as repo from './repository.js';
import type { ReportRow } from './repository.js';

type PDeps = Pick<Deps, 'clock'>;
type Trx = Kysely<Database>;

export const reportNotFound = () =>
  conflict(
    'final_report_missing',
    'There is no final report for this case yet: prepare the draft first.',
    'इस प्रकरण का अभी कोई अंतिम प्रतिवेदन नहीं है: पहले प्रारूप तैयार करें।',
  );

const notDraft = (status: string) =>
  conflict(
    'final_report_not_draft',
    status === 'submitted'
      ? 'The final report is with the SHO for approval; it can be changed only if the SHO returns it.'
      : 'The final report has been approved and filed; it can no longer be changed.',
    status === 'submitted'
      ? 'अंतिम प्रतिवेदन अनुमोदन हेतु थाना प्रभारी के पास है; लौटाए जाने पर ही बदला जा सकता है।'
      : 'अंतिम प्रतिवेदन अनुमोदित होकर दाखिल हो चुका है; अब बदला नहीं जा सकता।',
  );

/** The report content and the facts the revision keeps of it. */
const snapshotOf = (r: { kind: string; closure_reason: string | null; court_id: string | null; content: FinalReportContent }) => ({
  kind: r.kind,
  closureReason: r.closure_reason,
  courtId: r.court_id,
  content: r.content,
});

async function audit(trx: Trx, deps: PDeps, actor: ActorContext, c: CaseRow, action: string, details: Record<string, unknown>) {
  await recordAudit(trx, deps.clock, actor, {
    action,
    entityType: 'case',
    entityId: c.id,
    stationId: c.station_id,
    districtId: c.district_id,
    details,
  });
}

/**
 * The designated IO prepares the first draft, assembled from the case's records (accused with
 * custody status, witnesses with their statements, documents with SHA-256, seized items with
 * where they are). 409 when a report is already open (edit it instead).
 */
export async function createDraft(deps: PDeps, trx: Trx, o: Officer, caseId: string, input: { courtId?: string }): Promise<ReportRow> {
  const { c } = await requireDesignatedIo(trx, o, caseId);
  const existing = await repo.findLatestReport(trx, caseId);
  if (existing && existing.status !== 'approved')
    throw conflict(
      'final_report_exists',
      'A final report for this case is already being prepared: open and edit it.',
      'इस प्रकरण का अंतिम प्रतिवेदन पहले से तैयार हो रहा है: उसे खोलकर संपादित करें।',
      {
        reportId: existing.id,
      },
    );
  const court = input.courtId
    ? await courtForDistrict(trx, c.state_code, c.district_id, input.courtId)
    : await defaultCourt(trx, c.state_code, c.district_id);
  const src = await gatherSources(trx, caseId);
  const content = assembleDraft(c, src);
  const id = newId();
  const at = deps.clock.now();
  await repo.insertReport(trx, {
    id,
    fir_id: c.id,
    state_code: c.state_code,
    district_id: c.district_id,
    subdivision_id: c.subdivision_id,
    station_id: c.station_id,
    report_no: await repo.nextReportNo(trx, c.id),
    kind: content.kind,
    closure_reason: content.closureReason,
    court_id: court?.id ?? null,
    status: 'draft',
    content,
    io_id: o.auth.user.id,
    at,
  });
  await repo.insertRevision(trx, {
    id: newId(),
    report_id: id,
    version: 1,
    status: 'draft',
    snapshot: snapshotOf({ kind: content.kind, closure_reason: content.closureReason, court_id: court?.id ?? null, content }),
    author_id: o.auth.user.id,
    author_name: o.auth.user.name,
    saved_at: at,
  });
  await audit(trx, deps, o.actor, c, 'final_report.create', { reportId: id, kind: content.kind });
  return (await repo.findReport(trx, id))!;
}

/** The case's final report for a police viewer in the case's jurisdiction (404 outside it). */
export async function readReport(db: Kysely<Database>, o: Officer, caseId: string) {
  const c = await getCase(db, o, caseId);
  const report = await repo.findLatestReport(db, caseId);
  return { c, report };
}

/** Everything the report editor offers to choose from: the case's persons, documents and items. */
export async function reportSources(db: Kysely<Database>, caseId: string) {
  const src = await gatherSources(db, caseId);
  return {
    accused: src.persons.filter((p) => p.role === 'accused').map((p) => ({ casePersonId: p.id, code: p.code, name: p.name })),
    witnesses: src.persons
      .filter((p) => p.role !== 'accused' && p.role !== 'suspect')
      .map((p) => ({ casePersonId: p.id, code: p.code, name: p.name, role: p.role })),
    documents: src.documents.map((d) => ({ documentId: d.id, title: d.title, fileName: d.file_name, sha256: d.sha256 })),
    items: src.items.map((i) => ({ itemId: i.id, itemNo: i.item_no, description: i.description, location: i.location })),
  };
}

/**
 * The IO saves an edit of the draft. `expectedVersion` is the version the IO's screen shows
 * (If-Match): when another save came first, 412 and nothing is overwritten. 422 for a
 * reference that is not in the case (content.ts applyEdit), 409 when the report is not a draft.
 */
export async function saveDraft(
  deps: PDeps,
  trx: Trx,
  o: Officer,
  caseId: string,
  expectedVersion: number,
  edit: ReportEdit & { courtId?: string },
): Promise<ReportRow> {
  const { c } = await requireDesignatedIo(trx, o, caseId);
  const r = await repo.findLatestReport(trx, caseId, { forUpdate: true });
  if (!r) throw reportNotFound();
  if (r.version !== expectedVersion) throw staleVersion();
  if (r.status !== 'draft') throw notDraft(r.status);
  const court = edit.courtId ? await courtForDistrict(trx, c.state_code, c.district_id, edit.courtId) : null;
  const src = await gatherSources(trx, caseId);
  const content = applyEdit(c, src, r.content, edit);
  const at = deps.clock.now();
  const courtId = court?.id ?? r.court_id;
  if (
    !(await repo.updateReport(trx, r.id, r.version, {
      content,
      kind: content.kind,
      closure_reason: content.closureReason,
      court_id: courtId,
      at,
    }))
  )
    throw staleVersion();
  await repo.insertRevision(trx, {
    id: newId(),
    report_id: r.id,
    version: r.version + 1,
    status: 'draft',
    snapshot: snapshotOf({ kind: content.kind, closure_reason: content.closureReason, court_id: courtId, content }),
    author_id: o.auth.user.id,
    author_name: o.auth.user.name,
    saved_at: at,
  });
  await audit(trx, deps, o.actor, c, 'final_report.save', { reportId: r.id, version: r.version + 1 });
  return (await repo.findReport(trx, r.id))!;
}

/**
 * The report's part of submit_final_report (called by the workflow hook, inside the move's
 * transaction, after the workflow table allowed it to the designated IO): the open draft is
 * refreshed from the records, must be complete (422) and name a court, and becomes submitted.
 */
export async function markSubmitted(deps: PDeps, trx: Trx, c: CaseRow, actor: WorkflowActor, expectedVersion?: number): Promise<ReportRow> {
  const r = await repo.findLatestReport(trx, c.id, { forUpdate: true });
  if (!r || r.status === 'approved') throw reportNotFound();
  if (expectedVersion !== undefined && r.version !== expectedVersion) throw staleVersion();
  if (r.status !== 'draft') throw notDraft(r.status);
  const src = await gatherSources(trx, c.id);
  const content = applyEdit(c, src, r.content, {});
  checkComplete(src, content);
  if (!r.court_id)
    throw unprocessable('court_required', 'Choose the court the final report goes to.', 'वह न्यायालय चुनें जिसे अंतिम प्रतिवेदन भेजा जाना है।', {
      courtId: 'required',
    });
  const at = deps.clock.now();
  const ok = await repo.updateReport(trx, r.id, r.version, {
    content,
    kind: content.kind,
    closure_reason: content.closureReason,
    status: 'submitted',
    submitted_at: at,
    submitted_by: actor.userId,
    submitted_by_name: actor.name,
    at,
  });
  if (!ok) throw staleVersion();
  await repo.insertRevision(trx, {
    id: newId(),
    report_id: r.id,
    version: r.version + 1,
    status: 'submitted',
    snapshot: snapshotOf({ kind: content.kind, closure_reason: content.closureReason, court_id: r.court_id, content }),
    author_id: actor.userId!,
    author_name: actor.name,
    saved_at: at,
  });
  return (await repo.findReport(trx, r.id))!;
}

/** The report's part of return_final_report: back to a draft, with the SHO's remarks. */
export async function markReturned(deps: PDeps, trx: Trx, c: CaseRow, actor: WorkflowActor, remarks: string | null): Promise<void> {
  const r = await repo.findLatestReport(trx, c.id, { forUpdate: true });
  if (!r || r.status !== 'submitted') return;
  const at = deps.clock.now();
  if (
    !(await repo.updateReport(trx, r.id, r.version, {
      status: 'draft',
      returned_remarks: remarks,
      returned_at: at,
      returned_by_name: actor.name,
      at,
    }))
  )
    throw staleVersion();
  await repo.insertRevision(trx, {
    id: newId(),
    report_id: r.id,
    version: r.version + 1,
    status: 'returned',
    snapshot: { ...snapshotOf(r), returnedRemarks: remarks },
    author_id: actor.userId!,
    author_name: actor.name,
    saved_at: at,
  });
}

/** The data of a report's PDF. */
async function pdfData(
  db: Kysely<Database>,
  c: CaseRow,
  r: ReportRow,
  at: Date,
  packageId: string | null,
  approval?: { at: Date; by: string },
): Promise<ReportPdfData> {
  const [district, court] = await Promise.all([
    findDistrict(db, c.state_code, c.district_id),
    r.court_id ? findCourt(db, r.court_id) : undefined,
  ]);
  return {
    stateCode: c.state_code,
    districtName: district?.name ?? '',
    districtNameHi: district?.name_hi ?? '',
    stationCode: c.station_code,
    stationName: c.station_name,
    stationNameHi: c.station_name_hi,
    firNumber: c.fir_number,
    year: c.year,
    registeredAt: c.registered_at,
    reportNo: r.report_no,
    content: r.content,
    io: { name: r.io_name, rank: r.io_rank },
    court: court ? { name: court.name, nameHi: court.name_hi } : null,
    submittedAt: r.submitted_at,
    approvedAt: approval?.at ?? r.approved_at,
    approvedBy: approval?.by ?? r.approved_by_name,
    packageId,
    printedAt: at,
  };
}

/**
 * The report's part of approve_final_report (the workflow hook calls it inside the move's
 * transaction, after the table allowed it to the SHO of the case's station): the submitted
 * report is frozen, rendered in English and Hindi, packaged (efiling-schema.ts, validated
 * before it is stored) and written to the outbox (topic court.efile, dedupe key of the package
 * id) in the same transaction. With COURT_API_URL the e-filing relay delivers it; without, it
 * waits for the court clerk screen. Returns the package id.
 */
export async function approveAndPackage(
  deps: PDeps,
  trx: Trx,
  c: CaseRow,
  actor: WorkflowActor,
  expectedVersion?: number,
): Promise<{ reportId: string; packageId: string }> {
  const r = await repo.findLatestReport(trx, c.id, { forUpdate: true });
  if (!r || r.status === 'draft')
    throw conflict(
      'final_report_not_submitted',
      'The IO has not submitted a final report for approval.',
      'विवेचक ने अनुमोदन हेतु अंतिम प्रतिवेदन प्रस्तुत नहीं किया है।',
    );
  if (expectedVersion !== undefined && r.version !== expectedVersion) throw staleVersion();
  if (r.status !== 'submitted') throw notDraft(r.status);
  const court = r.court_id ? await findCourt(trx, r.court_id) : undefined;
  if (!court || court.disabled_at)
    throw unprocessable(
      'court_required',
      'The court chosen for this report no longer receives final reports; return it to the IO.',
      'इस प्रतिवेदन हेतु चुना न्यायालय अब अंतिम प्रतिवेदन नहीं लेता; विवेचक को लौटाएं।',
      {
        courtId: 'not an active court',
      },
    );
  const at = deps.clock.now();
  const packageId = newId();
  const data = await pdfData(trx, c, r, at, packageId, { at, by: actor.name });
  const [pdfEn, pdfHi] = [await renderFinalReportPdf(data, 'en'), await renderFinalReportPdf(data, 'hi')];
  const district = await findDistrict(trx, c.state_code, c.district_id);
  const pkg = buildPackage({
    packageId,
    at,
    c,
    r,
    court,
    districtCode: district?.code ?? '',
    districtName: district?.name ?? '',
    approver: actor,
    pdfEn,
    pdfHi,
  });
  const outboxId = newId();
  await repo.enqueueEfiling(trx, { id: outboxId, stateCode: c.state_code, packageId, courtCode: court.code, at });
  await repo.insertPackage(trx, {
    id: packageId,
    fir_id: c.id,
    state_code: c.state_code,
    district_id: c.district_id,
    subdivision_id: c.subdivision_id,
    station_id: c.station_id,
    final_report_id: r.id,
    court_id: court.id,
    schema_version: EFILING_SCHEMA,
    package: pkg as unknown as Record<string, unknown>,
    package_sha256: packageSha256(pkg),
    pdf_en: pdfEn,
    pdf_en_sha256: sha256Hex(pdfEn),
    pdf_hi: pdfHi,
    pdf_hi_sha256: sha256Hex(pdfHi),
    outbox_id: outboxId,
    created_at: at,
  });
  if (
    !(await repo.updateReport(trx, r.id, r.version, {
      status: 'approved',
      approved_at: at,
      approved_by: actor.userId,
      approved_by_name: actor.name,
      at,
    }))
  )
    throw staleVersion();
  await repo.insertRevision(trx, {
    id: newId(),
    report_id: r.id,
    version: r.version + 1,
    status: 'approved',
    snapshot: { ...snapshotOf(r), packageId },
    author_id: actor.userId!,
    author_name: actor.name,
    saved_at: at,
  });
  await recordAudit(trx, deps.clock, actor.audit, {
    action: 'final_report.efile',
    entityType: 'case',
    entityId: c.id,
    stationId: c.station_id,
    districtId: c.district_id,
    details: { reportId: r.id, packageId, courtCode: court.code, packageSha256: packageSha256(pkg) },
  });
  return { reportId: r.id, packageId };
}

function buildPackage(a: {
  packageId: string;
  at: Date;
  c: CaseRow;
  r: ReportRow;
  court: { code: string; name: string; establishment_code: string };
  districtCode: string;
  districtName: string;
  approver: WorkflowActor;
  pdfEn: Buffer;
  pdfHi: Buffer;
}): EfilingPackage {
  const { c, r } = a;
  const k = r.content;
  const sec = (s: { act: string; section: string; titleEn: string | null }) => ({ act: s.act, section: s.section, title: s.titleEn });
  const accused = (x: FinalReportContent['accusedCharged'][number] | FinalReportContent['accusedNotCharged'][number]) => ({
    code: x.code,
    name: x.name,
    nameHi: x.nameHi,
    fatherName: x.fatherName,
    sex: x.sex,
    ageYears: x.ageYears,
    address: x.address,
    juvenile: x.juvenile,
    custody: x.custody,
  });
  const pkg: EfilingPackage = {
    schema: EFILING_SCHEMA,
    packageId: a.packageId,
    createdAt: a.at.toISOString(),
    source: {
      system: 'open-cctns',
      stateCode: c.state_code,
      district: { code: a.districtCode, name: a.districtName },
      station: { code: c.station_code, name: c.station_name, nameHi: c.station_name_hi },
    },
    court: { code: a.court.code, name: a.court.name, establishmentCode: a.court.establishment_code },
    fir: {
      id: c.id,
      number: c.fir_number,
      year: c.year,
      registeredAt: c.registered_at.toISOString(),
      sections: c.sections.map(sec),
      sensitive: c.sensitive,
    },
    finalReport: {
      id: r.id,
      reportNo: r.report_no,
      kind: k.kind,
      closureReason: k.closureReason,
      investigatingOfficer: { name: r.io_name, rank: r.io_rank },
      submittedAt: (r.submitted_at ?? a.at).toISOString(),
      approvedAt: a.at.toISOString(),
      approvedBy: { name: a.approver.name, rank: a.approver.rank ?? null },
      briefFacts: k.briefFacts,
      closureGrounds: k.closureGrounds,
      accusedCharged: k.accusedCharged.map((x) => ({ ...accused(x), sections: x.sections.map(sec) })),
      accusedNotCharged: k.accusedNotCharged.map((x) => ({ ...accused(x), reason: x.reason })),
      // BNS 72 / POCSO s.23: a victim's identity does not travel in the package.
      witnesses: k.witnesses.map((w) => ({
        code: w.code,
        role: w.role as 'witness' | 'complainant' | 'victim',
        name: w.identityWithheld ? null : w.name,
        address: w.identityWithheld ? null : w.address,
        identityWithheld: w.identityWithheld,
        statements: w.statements,
      })),
      documents: k.documents,
      materialObjects: k.materialObjects,
    },
    attachments: [
      {
        name: 'final-report-en.pdf',
        language: 'en',
        contentType: 'application/pdf',
        sizeBytes: a.pdfEn.length,
        sha256: sha256Hex(a.pdfEn),
      },
      {
        name: 'final-report-hi.pdf',
        language: 'hi',
        contentType: 'application/pdf',
        sizeBytes: a.pdfHi.length,
        sha256: sha256Hex(a.pdfHi),
      },
    ],
  };
  // The contract is checked on the way out: a package the court could not parse is never stored.
  return efilingPackageSchema.parse(pkg);
}

/**
 * The report as a PDF: once approved, the filed bytes exactly (their SHA-256 is in the
 * package); before, a preview rendered now and marked DRAFT on every page.
 */
export async function reportPdf(
  deps: PDeps,
  db: Kysely<Database>,
  o: Officer,
  caseId: string,
  lang: 'en' | 'hi',
): Promise<{ bytes: Buffer; filed: boolean; sha256: string; c: CaseRow }> {
  const { c, report } = await readReport(db, o, caseId);
  if (!report) throw reportNotFound();
  if (report.status === 'approved') {
    const pkg = await repo.findPackageOfCase(db, caseId);
    if (pkg && pkg.final_report_id === report.id) {
      const f = (await repo.readPackagePdf(db, pkg.id, lang))!;
      return { bytes: f.bytes, filed: true, sha256: f.sha256, c };
    }
  }
  const bytes = await renderFinalReportPdf(await pdfData(db, c, report, deps.clock.now(), null), lang);
  return { bytes, filed: false, sha256: sha256Hex(bytes), c };
}

// ---------------------------------------------------------------------------------------------
// Officers' routes: thin wrappers over the workflow moves (the hooks do the report's part)
// ---------------------------------------------------------------------------------------------

/** The IO submits the report to the SHO (If-Match: the report version the IO saw). */
export async function submitReport(deps: PDeps, trx: Trx, o: Officer, caseId: string, expectedVersion?: number) {
  await getCase(trx, o, caseId);
  return transition(deps, trx, caseId, 'submit_final_report', officerActor(o), {
    details: { via: 'final_report', reportVersion: expectedVersion },
  });
}

/** The SHO approves: the report is frozen and e-filed (If-Match: the report version the SHO read). */
export async function approveReport(deps: PDeps, trx: Trx, o: Officer, caseId: string, expectedVersion?: number) {
  await getCase(trx, o, caseId);
  return transition(deps, trx, caseId, 'approve_final_report', officerActor(o), {
    details: { via: 'final_report', reportVersion: expectedVersion },
  });
}

/** The SHO returns the report to the IO with remarks (the investigation goes on). */
export async function returnReport(deps: PDeps, trx: Trx, o: Officer, caseId: string, remarks: string, expectedVersion?: number) {
  await getCase(trx, o, caseId);
  return transition(deps, trx, caseId, 'return_final_report', officerActor(o), {
    reason: remarks,
    details: { via: 'final_report', reportVersion: expectedVersion },
  });
}

export const findCaseUnscoped = inv.findCaseUnscoped;
