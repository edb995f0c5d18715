/**
 * Duties of the investigation that the BNSS ties to a flag or a clock, each written by the
 * designated IO (behind `requireDesignatedIo`: another IO 403, a case outside the caller's
 * jurisdiction 404), append-only and audited in the write's transaction, and each followed by a
 * recomputation of the case's clocks in that same transaction:
 *
 * - BNSS 176(3): the forensic expert's visit to the crime scene, with its videography. The
 *   clock engine flags a case punishable with seven years or more that has none.
 * - BNSS 184: the medical examination of the victim of rape or attempt to rape, and the
 *   receipt of its report by the IO, due within seven days (184(6)).
 * - BNSS 193(9): further investigation during the trial with the court's permission, completed
 *   within ninety days unless the court extends it; the extension and the completion (the
 *   supplementary report filed) are events of the record. The prosecution module has no
 *   supplementary report of its own yet, so the completion recorded here is what stops the clock.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { istDate } from '../../lib/clock.js';
import { conflict, unprocessable, type FieldErrors } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addDays, startOfIstDay } from '../clocks/engine.js';
import { caseSections, refreshCaseClocks } from '../investigation/clock-facts.js';
import { forensicVisit } from '../masterdata/index.js';
import { badOrder, inFuture, invalid, recordNotFound } from '../investigation/errors.js';
import * as invRepo from '../investigation/repository.js';
import { resolveCasePerson } from '../investigation/records.service.js';
import {
  auditCase,
  authorOf,
  checkRecordTime,
  checkTimeSince,
  getCase,
  placeOfCase,
  requireDesignatedIo,
  timeOr,
  type InvDeps,
  type Officer,
} from '../investigation/service.js';
import type { CaseRow } from '../investigation/repository.js';
import * as repo from './repository.js';
import { claimIdempotencyKey, storeIdempotentAnswer } from '../../lib/idempotency.js';

type Trx = Kysely<Database>;

// ---------------------------------------------------------------------------------------------
// Double submits
// ---------------------------------------------------------------------------------------------

/**
 * Runs a record write once per Idempotency-Key, in the caller's transaction. The key is
 * optional (without it the write just runs; the web forms always send one): a repeat with the
 * same key and the same request answers with the stored answer (a double click records one
 * visit, not two); the same key with a different request is refused with 422. The key is
 * claimed first, so a concurrent repeat waits for this transaction and then finds the answer.
 */
export async function once<T>(
  trx: Trx,
  deps: InvDeps,
  o: Officer,
  scope: string,
  key: string | undefined,
  request: unknown,
  run: () => Promise<T>,
  /** Checked before a stored answer is replayed (the caller may meanwhile have lost the case). */
  replayGuard: () => Promise<unknown>,
): Promise<{ body: T; replayed: boolean }> {
  if (key === undefined) return { body: await run(), replayed: false };
  const call = {
    scope,
    userId: o.auth.user.id,
    key,
    request,
    now: deps.clock.now(),
    reused: {
      en: 'This Idempotency-Key was already used for a different record. Use a new key for a new record.',
      hi: 'यह Idempotency-Key किसी अन्य अभिलेख के लिए प्रयुक्त हो चुकी है। नए अभिलेख के लिए नई कुंजी दें।',
    },
  };
  const prior = await claimIdempotencyKey(trx, call);
  if (prior) {
    await replayGuard();
    return { body: prior.body as T, replayed: true };
  }
  const body = await run();
  await storeIdempotentAnswer(trx, call, 201, body);
  return { body, replayed: false };
}

// ---------------------------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------------------------

/** A document of the case given as a link (report, videography), optionally of a content type. */
async function checkDocument(trx: Trx, firId: string, id: string, field: string, fields: FieldErrors, type?: RegExp, typeWords?: string) {
  const d = await invRepo.findDocument(trx, firId, id);
  if (!d) fields[field] = 'not a document of this case';
  else if (type && !type.test(d.content_type)) fields[field] = `is ${d.content_type}, not ${typeWords}`;
}

function throwIfAny(fields: FieldErrors, code: string, message: string, messageHi: string) {
  if (Object.keys(fields).length)
    throw invalid(code, `${message}: ${Object.keys(fields).join(', ')}.`, `${messageHi}: ${Object.keys(fields).join(', ')}।`, fields);
}

/** A calendar date given for the case (a court order): not before the FIR's registration date, not after today (IST). */
function checkCaseDate(deps: InvDeps, c: CaseRow, date: string, field: string) {
  const registered = istDate(c.registered_at);
  if (date < registered)
    throw unprocessable(
      'before_fir_registration',
      `The date ${field} cannot be before the FIR was registered (${registered}).`,
      `तिथि ${field} एफआईआर के पंजीकरण (${registered}) से पहले की नहीं हो सकती।`,
      { [field]: `is before the FIR registration date ${registered}` },
    );
  if (date > istDate(deps.clock.now())) throw inFuture(field);
}

// ---------------------------------------------------------------------------------------------
// BNSS 176(3): the forensic expert's visit to the crime scene
// ---------------------------------------------------------------------------------------------

export interface ForensicVisitInput {
  expertName: string;
  expertDesignation?: string;
  labUnit: string;
  visitedAt?: string;
  collected?: string[];
  remarks?: string;
  videography?: { documentId?: string; ref?: string; sha256?: string };
  videographyAbsentReason?: string;
}

/**
 * Records a forensic expert's visit to the scene (BNSS 176(3)): who (the expert and the lab or
 * unit), when (not before the FIR, not in the future), what was collected, and the videography
 * of the process the section requires — a video document of the case, or a reference to the
 * recording kept elsewhere (e-Sakshya) with its SHA-256, or the reason there is none (422
 * otherwise). Numbered per case. Recorded for any case (an IO may call the experts to a
 * lesser offence too); the clock engine requires one only at seven years or more.
 */
export async function recordForensicVisit(deps: InvDeps, trx: Trx, o: Officer, id: string, input: ForensicVisitInput) {
  const { c } = await requireDesignatedIo(trx, o, id);
  // The team is sent on receipt of the information (BNSS 176(3)), which may be before the FIR is written.
  const visited = checkTimeSince(deps, timeOr(deps, input.visitedAt), c.information_received_at, 'visitedAt', {
    en: 'The forensic visit cannot be before the information was received',
    hi: 'फॉरेंसिक निरीक्षण सूचना प्राप्त होने से पहले का नहीं हो सकता',
  });
  const fields: FieldErrors = {};
  const v = input.videography;
  if (v?.documentId) await checkDocument(trx, id, v.documentId, 'videography.documentId', fields, /^video\//, 'a video');
  else if (v?.ref && !v.sha256) fields['videography.sha256'] = 'the SHA-256 of the recording kept elsewhere is required';
  if (!v?.documentId && !v?.ref && !input.videographyAbsentReason?.trim())
    fields.videography = 'BNSS 176(3): link the videography of the forensic process, or record why there is none (videographyAbsentReason)';
  throwIfAny(fields, 'forensic_visit_invalid', 'BNSS 176(3): check the forensic visit', 'बीएनएसएस 176(3): फॉरेंसिक निरीक्षण जांचें');
  const row = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    visit_no: await repo.nextNo(trx, 'forensic_scene_visit', 'visit_no', id),
    expert_name: input.expertName,
    expert_designation: input.expertDesignation ?? null,
    lab_unit: input.labUnit,
    visited_at: visited,
    collected: input.collected ?? [],
    remarks: input.remarks ?? null,
    video_document_id: v?.documentId ?? null,
    video_ref: v?.documentId ? null : (v?.ref ?? null),
    video_sha256: v?.documentId ? null : (v?.sha256?.toLowerCase() ?? null),
    video_absent_reason: v?.documentId || v?.ref ? null : input.videographyAbsentReason!.trim(),
    ...authorOf(o),
    created_at: deps.clock.now(),
  };
  await repo.insertVisit(trx, row);
  await auditCase(trx, deps, o, c, 'case.forensic_visit', { visitId: row.id, visitNo: row.visit_no, labUnit: row.lab_unit });
  await refreshCaseClocks(deps, trx, id);
  return row;
}

/**
 * The case's forensic scene visits, for a police viewer in its jurisdiction (audited read),
 * with whether BNSS 176(3) requires one for the case's sections (the master data's ruling).
 */
export async function readForensicVisits(deps: InvDeps, db: Kysely<Database>, o: Officer, id: string) {
  const c = await getCase(db, o, id);
  await auditCase(db, deps, o, c, 'case.forensic_visits_read');
  const ruling = forensicVisit(caseSections(c.state_code, c.sections));
  return { c, required: ruling.applies, basis: ruling.basis, items: await repo.listVisits(db, o.auth.scope, c.id) };
}

// ---------------------------------------------------------------------------------------------
// BNSS 184: the medical examination of a rape victim and its report
// ---------------------------------------------------------------------------------------------

/**
 * BNSS 184(1): where an offence of rape or attempt to rape is under investigation. The rape
 * sections (BNS 64–68, 70, 71; the IPC's 376 family for older offences; POCSO's penetrative
 * sexual assault, ss.3–6, whose medical examination POCSO s.27 sends through the same
 * section); an attempt is charged with BNS 62 read with one of them, so it is covered too.
 * The list is the Act's own words, not a punishment band, so it lives here beside the rule.
 */
const RAPE_SECTIONS: Record<string, ReadonlySet<string>> = {
  BNS: new Set(['64', '65', '66', '67', '68', '70', '71']),
  IPC: new Set(['376', '376A', '376AB', '376B', '376C', '376D', '376DA', '376DB', '376E']),
  POCSO: new Set(['3', '4', '5', '6']),
};

/** The first section of the case that makes BNSS 184 apply, as 'BNS 64(1)', or null. */
export function rapeSection(sections: { act: string; section: string }[]): string | null {
  const hit = sections.find((s) => RAPE_SECTIONS[s.act.toUpperCase()]?.has(s.section.replace(/\(.*$/, '').toUpperCase()));
  return hit ? `${hit.act} ${hit.section}` : null;
}

export interface MedicalExamInput {
  victimCode?: string;
  casePersonId?: string;
  practitionerName: string;
  practitionerRegNo?: string;
  hospital: string;
  examinedAt?: string;
}

/**
 * Records the medical examination of a victim of the case (BNSS 184): the victim (a person of
 * the case in the role victim), the registered medical practitioner and the hospital, and when
 * (not before the FIR, not in the future). Only in a case of rape or attempt to rape (422
 * otherwise). Starts the 7-day clock of BNSS 184(6). The findings stay in the report itself.
 */
export async function recordMedicalExam(deps: InvDeps, trx: Trx, o: Officer, id: string, input: MedicalExamInput) {
  const { c } = await requireDesignatedIo(trx, o, id);
  if (!rapeSection(c.sections))
    throw invalid(
      'medical_exam_not_applicable',
      'BNSS 184 (medical examination of the victim, report within seven days) applies where rape or an attempt to rape is under investigation; this case has none of BNS 64–68, 70, 71 (IPC 376…, POCSO 3–6).',
      'बीएनएसएस 184 (पीड़िता की चिकित्सा परीक्षा, सात दिन में रिपोर्ट) बलात्संग या उसके प्रयास की विवेचना में लागू होती है; इस प्रकरण में बीएनएस 64–68, 70, 71 (आईपीसी 376…, पॉक्सो 3–6) में से कोई धारा नहीं है।',
      { sections: 'no section of rape or attempt to rape' },
    );
  // A victim is often examined at the hospital before she reaches the station: not before the occurrence.
  const examined = checkTimeSince(deps, timeOr(deps, input.examinedAt), c.occurrence_from, 'examinedAt', {
    en: 'The medical examination cannot be before the occurrence',
    hi: 'चिकित्सा परीक्षा घटना से पहले की नहीं हो सकती',
  });
  const field = input.casePersonId ? 'casePersonId' : 'victimCode';
  if (!input.casePersonId && !input.victimCode)
    throw invalid('victim_required', 'Name the victim by code (V1 …).', 'पीड़िता का कोड (V1 …) बताएं।', { victimCode: 'required' });
  const p = await resolveCasePerson(trx, id, { id: input.casePersonId, code: input.victimCode }, field);
  if (p.role !== 'victim')
    throw invalid('not_a_victim', `${p.code} is not a victim of this case.`, `${p.code} इस प्रकरण के पीड़ित नहीं हैं।`, {
      [field]: `is a ${p.role}`,
    });
  const row = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    exam_no: await repo.nextNo(trx, 'victim_medical_exam', 'exam_no', id),
    case_person_id: p.id,
    practitioner_name: input.practitionerName,
    practitioner_reg_no: input.practitionerRegNo ?? null,
    hospital: input.hospital,
    examined_at: examined,
    ...authorOf(o),
    created_at: deps.clock.now(),
  };
  await repo.insertExam(trx, row);
  // The audit names the victim by her code in the case only (BNS 72).
  await auditCase(trx, deps, o, c, 'case.victim_medical_exam', { examId: row.id, victimCode: p.code });
  await refreshCaseClocks(deps, trx, id);
  return { ...row, victim_code: p.code };
}

export interface MedicalReportInput {
  receivedAt?: string;
  reportRef?: string;
  documentId?: string;
}

/**
 * Records that the examination's report reached the IO (BNSS 184(6)): not before the
 * examination, not in the future; once per examination (409 for a second). Stops the 7-day
 * clock. Allowed after the final report too (a report that comes late is still received).
 */
export async function recordMedicalReport(deps: InvDeps, trx: Trx, o: Officer, id: string, examId: string, input: MedicalReportInput) {
  const { c } = await requireDesignatedIo(trx, o, id, 'any');
  const exam = await repo.findExam(trx, o.auth.scope, id, examId);
  if (!exam) throw recordNotFound('Medical examination', 'चिकित्सा परीक्षा', 'medical_exam_not_found');
  if (exam.report_id)
    throw conflict(
      'medical_report_recorded',
      'The report of this examination is already recorded as received.',
      'इस परीक्षा की रिपोर्ट की प्राप्ति पहले ही दर्ज है।',
    );
  const received = checkTimeSince(deps, timeOr(deps, input.receivedAt), exam.examined_at, 'receivedAt', {
    en: 'The report cannot be received before the examination',
    hi: 'रिपोर्ट परीक्षा से पहले प्राप्त नहीं हो सकती',
  });
  const fields: FieldErrors = {};
  if (input.documentId) await checkDocument(trx, id, input.documentId, 'documentId', fields);
  throwIfAny(fields, 'document_not_found', 'The report file is not a document of this case', 'रिपोर्ट फ़ाइल इस प्रकरण का दस्तावेज़ नहीं है');
  const row = {
    id: newId(),
    exam_id: exam.id,
    fir_id: c.id,
    ...placeOfCase(c),
    received_at: received,
    report_ref: input.reportRef ?? null,
    document_id: input.documentId ?? null,
    ...authorOf(o),
    created_at: deps.clock.now(),
  };
  await repo.insertReport(trx, row);
  await auditCase(trx, deps, o, c, 'case.victim_medical_report', { examId: exam.id, reportId: row.id });
  await refreshCaseClocks(deps, trx, id);
  return row;
}

/**
 * The case's victim medical examinations with their reports (audited read: a rape victim's
 * record), and the section that makes BNSS 184 apply, if any.
 */
export async function readMedicalExams(deps: InvDeps, db: Kysely<Database>, o: Officer, id: string) {
  const c = await getCase(db, o, id);
  await auditCase(db, deps, o, c, 'case.victim_medical_read');
  return { c, section: rapeSection(c.sections), items: await repo.listExams(db, o.auth.scope, c.id) };
}

// ---------------------------------------------------------------------------------------------
// BNSS 193(9): further investigation during the trial
// ---------------------------------------------------------------------------------------------

/**
 * BNSS 193(9): further investigation "after a report under sub-section (3) has been forwarded
 * to the Magistrate"; its proviso, during the trial, with the court's permission. So the case's
 * final report must be with the court: approved and forwarded, accepted, or under trial. Not
 * after disposal (an appeal court's order is outside this proviso).
 */
function withTheCourt(c: CaseRow): boolean {
  return (
    (c.stage === 'final_report_submitted' && c.substate === 'approved') || c.stage === 'accepted_by_court' || c.stage === 'under_trial'
  );
}

export interface FurtherInvestigationInput {
  orderedOn?: string;
  courtOrderRef: string;
  courtName?: string;
  directions?: string;
}

/**
 * Records the court's permission for further investigation during the trial (BNSS 193(9)):
 * the date of the order (default today; not before the FIR, not in the future) and its
 * reference. 409 when the final report is not with the court, or when an earlier further
 * investigation is still open (complete it first). Starts the 90-day clock.
 */
export async function recordFurtherInvestigation(deps: InvDeps, trx: Trx, o: Officer, id: string, input: FurtherInvestigationInput) {
  const { c } = await requireDesignatedIo(trx, o, id, 'any');
  if (!withTheCourt(c))
    throw conflict(
      'further_investigation_not_in_trial',
      `BNSS 193(9): further investigation with the court's permission follows a final report forwarded to the court, during the trial; the case is at stage "${c.stage}".`,
      `बीएनएसएस 193(9): न्यायालय की अनुमति से अग्रिम विवेचना न्यायालय को भेजे गए अंतिम प्रतिवेदन के बाद, विचारण के दौरान होती है; प्रकरण "${c.stage}" चरण पर है।`,
    );
  const orderedOn = input.orderedOn ?? istDate(deps.clock.now());
  checkCaseDate(deps, c, orderedOn, 'orderedOn');
  const [orders, events] = await Promise.all([repo.listOrders(trx, o.auth.scope, id), repo.listEvents(trx, o.auth.scope, id)]);
  const open = orders.find((x) => !events.some((e) => e.further_investigation_id === x.id && e.kind === 'completed'));
  if (open)
    throw conflict(
      'further_investigation_open',
      `The further investigation ordered by ${open.court_order_ref} is not yet completed; record its completion first.`,
      `${open.court_order_ref} द्वारा आदेशित अग्रिम विवेचना अभी पूर्ण नहीं हुई है; पहले उसकी पूर्णता दर्ज करें।`,
    );
  const row = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    order_no: await repo.nextNo(trx, 'further_investigation', 'order_no', id),
    ordered_on: orderedOn,
    court_order_ref: input.courtOrderRef,
    court_name: input.courtName ?? null,
    directions: input.directions ?? null,
    ...authorOf(o),
    created_at: deps.clock.now(),
  };
  await repo.insertOrder(trx, row);
  await auditCase(trx, deps, o, c, 'case.further_investigation', { orderId: row.id, courtOrderRef: row.court_order_ref, orderedOn });
  await refreshCaseClocks(deps, trx, id);
  return row;
}

async function openOrder(trx: Trx, o: Officer, id: string, orderId: string) {
  const order = await repo.findOrder(trx, o.auth.scope, id, orderId);
  if (!order) throw recordNotFound('Further investigation', 'अग्रिम विवेचना', 'further_investigation_not_found');
  const events = (await repo.listEvents(trx, o.auth.scope, id)).filter((e) => e.further_investigation_id === order.id);
  if (events.some((e) => e.kind === 'completed'))
    throw conflict(
      'further_investigation_completed',
      'This further investigation is already recorded as completed.',
      'यह अग्रिम विवेचना पहले ही पूर्ण दर्ज है।',
    );
  const extensions = events.filter((e) => e.kind === 'extension');
  const dueOn = extensions.length ? extensions[extensions.length - 1].extended_to! : addDays(order.ordered_on, 90);
  return { order, events, dueOn };
}

export interface ExtensionInput {
  extendedTo: string;
  courtOrderRef: string;
  orderedOn?: string;
}

/**
 * The court extends the period of further investigation (BNSS 193(9) proviso) to a date,
 * which must lie beyond the present due date (422 naming extendedTo); the extension's order is
 * dated (default today) on or after the permission. 409 once the investigation is completed.
 */
export async function recordExtension(deps: InvDeps, trx: Trx, o: Officer, id: string, orderId: string, input: ExtensionInput) {
  const { c } = await requireDesignatedIo(trx, o, id, 'any');
  const { order, events, dueOn } = await openOrder(trx, o, id, orderId);
  const orderedOn = input.orderedOn ?? istDate(deps.clock.now());
  checkCaseDate(deps, c, orderedOn, 'orderedOn');
  if (orderedOn < order.ordered_on)
    throw badOrder(
      'orderedOn',
      'The extension cannot be ordered before the permission itself.',
      'अवधि विस्तार का आदेश अनुमति से पहले का नहीं हो सकता।',
    );
  if (input.extendedTo <= dueOn)
    throw unprocessable(
      'extension_not_later',
      `The extension must go beyond the present due date (${dueOn}).`,
      `अवधि विस्तार वर्तमान नियत तिथि (${dueOn}) से आगे का होना चाहिए।`,
      { extendedTo: `must be after ${dueOn}` },
    );
  const row = {
    id: newId(),
    further_investigation_id: order.id,
    fir_id: c.id,
    ...placeOfCase(c),
    seq: events.length + 1,
    kind: 'extension' as const,
    extended_to: input.extendedTo,
    order_ref: input.courtOrderRef,
    ordered_on: orderedOn,
    completed_at: null,
    report_ref: null,
    document_id: null,
    ...authorOf(o),
    created_at: deps.clock.now(),
  };
  await repo.insertEvent(trx, row);
  await auditCase(trx, deps, o, c, 'case.further_investigation_extended', { orderId: order.id, extendedTo: input.extendedTo });
  await refreshCaseClocks(deps, trx, id);
  return row;
}

export interface CompletionInput {
  completedAt?: string;
  supplementaryReportRef: string;
  documentId?: string;
}

/**
 * The further investigation is completed and its supplementary report filed (BNSS 193(9)):
 * when (default now; not before the order's date, not in the future) and the report's
 * reference, optionally its file. Once per order (409 after). Stops the 90-day clock.
 */
export async function recordCompletion(deps: InvDeps, trx: Trx, o: Officer, id: string, orderId: string, input: CompletionInput) {
  const { c } = await requireDesignatedIo(trx, o, id, 'any');
  const { order, events } = await openOrder(trx, o, id, orderId);
  const at = checkRecordTime(deps, c, timeOr(deps, input.completedAt), 'completedAt', 'completion', 'पूर्णता');
  if (at < startOfIstDay(order.ordered_on))
    throw badOrder(
      'completedAt',
      'The further investigation cannot be completed before the court permitted it.',
      'अग्रिम विवेचना न्यायालय की अनुमति से पहले पूर्ण नहीं हो सकती।',
    );
  const fields: FieldErrors = {};
  if (input.documentId) await checkDocument(trx, id, input.documentId, 'documentId', fields);
  throwIfAny(fields, 'document_not_found', 'The report file is not a document of this case', 'रिपोर्ट फ़ाइल इस प्रकरण का दस्तावेज़ नहीं है');
  const row = {
    id: newId(),
    further_investigation_id: order.id,
    fir_id: c.id,
    ...placeOfCase(c),
    seq: events.length + 1,
    kind: 'completed' as const,
    extended_to: null,
    order_ref: null,
    ordered_on: null,
    completed_at: at,
    report_ref: input.supplementaryReportRef,
    document_id: input.documentId ?? null,
    ...authorOf(o),
    created_at: deps.clock.now(),
  };
  await repo.insertEvent(trx, row);
  await auditCase(trx, deps, o, c, 'case.further_investigation_completed', { orderId: order.id, eventId: row.id });
  await refreshCaseClocks(deps, trx, id);
  return row;
}

/** The case's further investigations, each with its extensions and completion (audited read). */
export async function readFurtherInvestigations(deps: InvDeps, db: Kysely<Database>, o: Officer, id: string) {
  const c = await getCase(db, o, id);
  await auditCase(db, deps, o, c, 'case.further_investigations_read');
  const [orders, events] = await Promise.all([repo.listOrders(db, o.auth.scope, c.id), repo.listEvents(db, o.auth.scope, c.id)]);
  return { c, orders, events, withTheCourt: withTheCourt(c) };
}
