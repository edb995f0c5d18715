/**
 * What the court does with a filed final report, in the order the law and the workflow allow:
 * accept it (the case gets its CNR: accepted_by_court), fix hearings (framing of charges starts
 * the trial: under_trial), dispose of the case (IIF-6, per accused) and record appeals (IIF-7).
 *
 * The court acts through the court machine API (its token) or the in-app clerk screen; both
 * end here with a `CourtActor`. Every lookup is by the court's own id, so a court never reaches
 * a case e-filed to another court (404, as for a missing case). Each step moves the case by the
 * workflow table (investigation/transition.ts) as party `court`, which refuses a step out of
 * order (409); hooks.ts updates the public case status from the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Deps } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import type { CourtRow } from '../court/service.js';
import * as inv from '../investigation/repository.js';
import { transition, type WorkflowActor } from '../investigation/transition.js';
import { allowedActions, isCaseStage, type CaseSubstate } from '../investigation/workflow.js';
import type { CaseResult } from '../people/repository.js';
import { recordCourtResult } from '../people/service.js';
import { cnrSchema } from './efiling-schema.js';
import * as repo from './repository.js';
import type { AppealResult, CaseDisposalResult, DisposalResult, PackageMeta, Sentence } from './repository.js';

type PDeps = Pick<Deps, 'clock'>;
type Trx = Kysely<Database>;

/** The court side of a request: which court, through what, and who (a clerk, or the court's system). */
export interface CourtActor {
  court: CourtRow;
  via: 'api' | 'clerk';
  userId: string | null;
  name: string;
  audit: ActorContext;
}

const workflowActor = (a: CourtActor): WorkflowActor => ({
  role: 'court',
  userId: a.userId,
  name: a.name,
  rank: null,
  scope: null,
  stationId: null,
  audit: a.audit,
});

export const courtCaseNotFound = () => notFound('Case', 'प्रकरण', 'court_case_not_found');

export const notAccepted = () =>
  conflict(
    'final_report_not_accepted',
    'The court has not accepted the final report of this case yet: accept it (and give the CNR) first.',
    'न्यायालय ने अभी इस प्रकरण का अंतिम प्रतिवेदन स्वीकार नहीं किया है: पहले उसे स्वीकार करें (सीएनआर दें)।',
  );

/**
 * A case of this court by the package id (a UUID) or by its CNR. 404 for anything else,
 * including a case e-filed to another court.
 */
export async function resolveCourtCase(
  db: Kysely<Database>,
  courtId: string,
  ref: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PackageMeta> {
  const r = ref.trim();
  let p: PackageMeta | undefined;
  if (isUuid(r)) p = await repo.findPackageMeta(db, r, { courtId, forUpdate: opts.forUpdate });
  else {
    const cnr = cnrSchema.safeParse(r);
    if (cnr.success) p = await repo.findPackageByCnr(db, courtId, cnr.data);
    if (p && opts.forUpdate) p = await repo.findPackageMeta(db, p.id, { courtId, forUpdate: true });
  }
  if (!p) throw courtCaseNotFound();
  return p;
}

async function auditCourt(trx: Trx, deps: PDeps, a: CourtActor, p: PackageMeta, action: string, details: Record<string, unknown>) {
  await recordAudit(trx, deps.clock, a.audit, {
    action,
    entityType: 'case',
    entityId: p.fir_id,
    stationId: p.station_id,
    districtId: p.district_id,
    details: { courtCode: a.court.code, via: a.via, packageId: p.id, ...details },
  });
}

/** The next CNR of a court: establishment code + 6-digit serial of the year + year (IST). Call under the court's lock. */
async function nextCnr(trx: Trx, court: CourtRow, at: Date): Promise<string> {
  const year = Number(istDate(at).slice(0, 4));
  let serial = (await repo.maxCnrSerial(trx, court.id, year)) + 1;
  for (;;) {
    const cnr = `${court.establishment_code}${String(serial).padStart(6, '0')}${year}`;
    if (!(await repo.cnrTaken(trx, cnr))) return cnr;
    serial++;
  }
}

/**
 * The court reads a package (machine API pull): the first read records that the court has it.
 */
export async function markPulled(deps: PDeps, trx: Trx, p: PackageMeta) {
  if (p.status === 'pending') await repo.markPackageDelivered(trx, p.id, deps.clock.now(), 'pull');
}

/**
 * The court accepts the final report: the case gets its CNR (given by the court, or the next
 * one of the court when the clerk leaves it to the system) and moves to accepted_by_court.
 * Idempotent: accepting again with the same CNR (or none) answers the same; a different CNR is
 * 409. 422 for a CNR that is not of this court's establishment.
 */
export async function acceptPackage(
  deps: PDeps,
  trx: Trx,
  a: CourtActor,
  packageId: string,
  input: { cnr?: string; courtCaseNo?: string },
  via: 'push' | 'pull' | 'clerk' | 'efiling_response' = a.via === 'clerk' ? 'clerk' : 'pull',
): Promise<{ packageId: string; caseId: string; cnr: string; courtCaseNo: string | null; acceptedAt: Date; alreadyAccepted: boolean }> {
  // Lock order: the court row first (it serialises the court's CNR numbering), then the package.
  await trx.selectFrom('court').select('id').where('id', '=', a.court.id).forUpdate().executeTakeFirst();
  const p = await repo.findPackageMeta(trx, packageId, { courtId: a.court.id, forUpdate: true });
  if (!p) throw courtCaseNotFound();
  const given = input.cnr !== undefined ? cnrSchema.safeParse(input.cnr) : undefined;
  if (given && !given.success)
    throw unprocessable('cnr_invalid', 'A CNR is 16 letters and digits.', 'सीएनआर 16 अक्षर और अंक का होता है।', { cnr: 'invalid' });
  const cnrIn = given?.success ? given.data : undefined;
  if (p.status === 'accepted') {
    if (cnrIn && cnrIn !== p.cnr)
      throw conflict(
        'already_accepted',
        `The court accepted this final report already, with CNR ${p.cnr}.`,
        `न्यायालय यह अंतिम प्रतिवेदन सीएनआर ${p.cnr} से पहले ही स्वीकार कर चुका है।`,
        { cnr: `already ${p.cnr}` },
      );
    return {
      packageId: p.id,
      caseId: p.fir_id,
      cnr: p.cnr!,
      courtCaseNo: p.court_case_no,
      acceptedAt: p.accepted_at!,
      alreadyAccepted: true,
    };
  }
  if (cnrIn && !cnrIn.startsWith(a.court.establishment_code))
    throw unprocessable(
      'cnr_not_of_court',
      `A CNR of this court begins with ${a.court.establishment_code}.`,
      `इस न्यायालय का सीएनआर ${a.court.establishment_code} से प्रारंभ होता है।`,
      {
        cnr: `must begin with ${a.court.establishment_code}`,
      },
    );
  if (cnrIn && (await repo.cnrTaken(trx, cnrIn)))
    throw conflict('cnr_taken', `CNR ${cnrIn} is already given to another case.`, `सीएनआर ${cnrIn} पहले से किसी अन्य प्रकरण को दिया गया है।`, {
      cnr: 'taken',
    });
  const at = deps.clock.now();
  const cnr = cnrIn ?? (await nextCnr(trx, a.court, at));
  await transition(deps, trx, p.fir_id, 'accept_final_report', workflowActor(a), {
    details: { packageId: p.id, cnr, courtCode: a.court.code },
  });
  const courtCaseNo = input.courtCaseNo?.trim() || null;
  await repo.insertCourtCase(trx, {
    fir_id: p.fir_id,
    state_code: p.state_code,
    district_id: p.district_id,
    subdivision_id: p.subdivision_id,
    station_id: p.station_id,
    court_id: a.court.id,
    package_id: p.id,
    cnr,
    court_case_no: courtCaseNo,
    accepted_at: at,
    accepted_via: via === 'efiling_response' ? 'efiling_response' : a.via,
  });
  await repo.markPackageAccepted(trx, p.id, {
    cnr,
    court_case_no: courtCaseNo,
    at,
    by: a.name,
    via: via === 'efiling_response' ? 'push' : via,
  });
  // Taken by the court in-app or pulled: nothing is left for the relay to push.
  if (via !== 'efiling_response') await repo.closeOutboxRow(trx, p.outbox_id, at, `accepted by the court (${via}) before delivery`);
  await auditCourt(trx, deps, a, p, 'court.accept', { cnr });
  return { packageId: p.id, caseId: p.fir_id, cnr, courtCaseNo, acceptedAt: at, alreadyAccepted: false };
}

async function requireCourtCase(trx: Trx, p: PackageMeta) {
  const k = await repo.findCourtCase(trx, p.fir_id);
  if (!k || p.status !== 'accepted') throw notAccepted();
  return k;
}

/** A date the court gives (YYYY-MM-DD): not before the final report was accepted. */
function checkCourtDate(date: string, acceptedAt: Date, field: string) {
  if (date < istDate(acceptedAt))
    throw unprocessable(
      'date_before_acceptance',
      `The date ${date} is before the court accepted the final report (${istDate(acceptedAt)}).`,
      `तिथि ${date} अंतिम प्रतिवेदन की स्वीकृति (${istDate(acceptedAt)}) से पहले की है।`,
      {
        [field]: 'before acceptance',
      },
    );
}

const stageOf = async (trx: Trx, firId: string) => (await inv.findCaseUnscoped(trx, firId))!.stage;

/**
 * A hearing date the court fixed. Framing of charges (`chargesFramed`) starts the trial
 * (accepted_by_court → under_trial). 409 before acceptance or after disposal; the same date
 * twice is answered with the hearing already recorded when the purpose is the same, else 409.
 */
export async function addHearing(
  deps: PDeps,
  trx: Trx,
  a: CourtActor,
  ref: string,
  input: { date: string; purpose: string; chargesFramed?: boolean },
) {
  const p = await resolveCourtCase(trx, a.court.id, ref, { forUpdate: true });
  const k = await requireCourtCase(trx, p);
  const stage = await stageOf(trx, p.fir_id);
  if (stage === 'disposed' || stage === 'appealed')
    throw conflict(
      'case_disposed',
      'The court has disposed of this case; record an appeal instead.',
      'न्यायालय इस प्रकरण का निस्तारण कर चुका है; अपील दर्ज करें।',
    );
  checkCourtDate(input.date, k.accepted_at, 'date');
  const existing = await repo.findHearing(trx, p.fir_id, input.date);
  if (existing) {
    if (existing.purpose === input.purpose.trim() && existing.charges_framed === !!input.chargesFramed)
      return { hearing: existing, repeated: true, stage };
    throw conflict('hearing_exists', `A hearing on ${input.date} is already recorded.`, `${input.date} की सुनवाई पहले से दर्ज है।`, {
      date: 'already recorded',
    });
  }
  const row = {
    id: newId(),
    fir_id: p.fir_id,
    state_code: p.state_code,
    district_id: p.district_id,
    subdivision_id: p.subdivision_id,
    station_id: p.station_id,
    court_id: a.court.id,
    hearing_date: input.date,
    purpose: input.purpose.trim(),
    charges_framed: !!input.chargesFramed,
    source: a.via,
    recorded_by_name: a.name,
    recorded_at: deps.clock.now(),
  };
  await repo.insertHearing(trx, row);
  let to = stage;
  if (input.chargesFramed && stage === 'accepted_by_court') {
    const t = await transition(deps, trx, p.fir_id, 'commence_trial', workflowActor(a), { details: { hearingDate: input.date } });
    to = t.to;
  } else {
    // No move of the workflow: the public case status changes through its facts (next hearing).
  }
  await auditCourt(trx, deps, a, p, 'court.hearing', { date: input.date, chargesFramed: !!input.chargesFramed });
  return { hearing: (await repo.findHearing(trx, p.fir_id, input.date))!, repeated: false, stage: to };
}

export interface DisposalInput {
  /** Defaults to today (IST). */
  decidedOn?: string;
  judgmentRef?: string;
  remarks?: string;
  /** Per accused (IIF-6). Empty for a closure report the court accepts. */
  accused: { code: string; result: DisposalResult; sections?: { act: string; section: string }[]; sentence?: Sentence }[];
}

/** The case's result from the per-accused results. */
export function caseResult(results: DisposalResult[]): CaseDisposalResult {
  if (!results.length) return 'closure_accepted';
  if (results.every((r) => r === results[0])) return results[0];
  // Mixed: some convicted is a partial conviction; otherwise no one stands convicted.
  return results.includes('convicted') ? 'partly_convicted' : 'acquitted';
}

/**
 * The court's disposal (IIF-6). 409 before the court accepted the final report (CAG: cases
 * closed with no final report in court), or when already disposed. For a charge sheet, every
 * charged accused gets a result, and only they (422 naming the entry); a conviction carries the
 * sentence. For a closure report, no accused: the court accepts the closure.
 */
export async function recordDisposal(deps: PDeps, trx: Trx, a: CourtActor, ref: string, input: DisposalInput) {
  const p = await resolveCourtCase(trx, a.court.id, ref, { forUpdate: true });
  const k = await requireCourtCase(trx, p);
  const existing = await repo.findDisposal(trx, p.fir_id);
  if (existing)
    throw conflict(
      'already_disposed',
      `The court disposed of this case on ${existing.decided_on}.`,
      `न्यायालय ने इस प्रकरण का निस्तारण ${existing.decided_on} को कर दिया है।`,
    );
  const decidedOn = input.decidedOn ?? istDate(deps.clock.now());
  checkCourtDate(decidedOn, k.accepted_at, 'decidedOn');
  if (decidedOn > istDate(deps.clock.now()))
    throw unprocessable('date_in_future', 'The date of the judgment is in the future.', 'निर्णय की तिथि भविष्य की है।', {
      decidedOn: 'in the future',
    });
  const report = (await repo.findReport(trx, p.final_report_id))!;
  const charged = report.content.accusedCharged;
  const fields: Record<string, string> = {};
  const rows: { a: (typeof charged)[number]; d: DisposalInput['accused'][number] }[] = [];
  const persons = await inv.listCasePersons(trx, p.fir_id);
  if (report.kind === 'closure') {
    if (input.accused.length) fields.accused = 'a closure report names no accused: leave empty to accept the closure';
  } else {
    input.accused.forEach((d, i) => {
      const code = d.code.trim().toUpperCase();
      const ch = charged.find((x) => x.code.toUpperCase() === code);
      if (!ch) {
        fields[`accused.${i}.code`] = persons.some((x) => x.code.toUpperCase() === code && x.role === 'accused')
          ? 'not charge-sheeted in this case'
          : 'not an accused of this case';
        return;
      }
      if (rows.some((r) => r.a.casePersonId === ch.casePersonId)) fields[`accused.${i}.code`] = 'listed twice';
      if (d.result === 'convicted' && !d.sentence) fields[`accused.${i}.sentence`] = 'required for a conviction';
      rows.push({ a: ch, d });
    });
    const missing = charged.filter((x) => !rows.some((r) => r.a.casePersonId === x.casePersonId)).map((x) => x.code);
    if (missing.length) fields.accused = `a result for every accused charge-sheeted: ${missing.join(', ')} missing`;
  }
  if (Object.keys(fields).length)
    throw unprocessable(
      Object.values(fields).some((v) => v.startsWith('not an accused')) ? 'accused_not_in_case' : 'disposal_invalid',
      `The disposal cannot be recorded: ${Object.entries(fields)
        .map(([f, v]) => `${f} (${v})`)
        .join('; ')}.`,
      'निस्तारण दर्ज नहीं हो सकता: चिह्नित प्रविष्टियां ठीक करें।',
      fields,
    );
  const result = caseResult(rows.map((r) => r.d.result));
  const id = newId();
  const at = deps.clock.now();
  await transition(deps, trx, p.fir_id, 'record_disposal', workflowActor(a), { details: { result, decidedOn, disposalId: id } });
  await repo.insertDisposal(trx, {
    id,
    fir_id: p.fir_id,
    state_code: p.state_code,
    district_id: p.district_id,
    subdivision_id: p.subdivision_id,
    station_id: p.station_id,
    court_id: a.court.id,
    decided_on: decidedOn,
    judgment_ref: input.judgmentRef?.trim() || null,
    result,
    remarks: input.remarks?.trim() || null,
    source: a.via,
    recorded_by_name: a.name,
    recorded_at: at,
  });
  for (const r of rows) {
    await repo.insertDisposalAccused(trx, {
      id: newId(),
      disposal_id: id,
      fir_id: p.fir_id,
      case_person_id: r.a.casePersonId,
      code: r.a.code,
      name: r.a.name,
      result: r.d.result,
      sections: (r.d.sections?.length ? r.d.sections : r.d.result === 'convicted' ? r.a.sections : []).map((s) => ({
        act: s.act,
        section: s.section,
      })),
      sentence: r.d.result === 'convicted' ? (r.d.sentence ?? null) : null,
    });
    // The accused's criminal record (people module) gets the result in this transaction: the
    // antecedents' result and the count of convictions come from it.
    const personId = persons.find((x) => x.id === r.a.casePersonId)?.person_id;
    if (personId)
      await recordCourtResult(deps.clock, trx, a.audit, {
        personId,
        firId: p.fir_id,
        accusedCode: r.a.code,
        result: r.d.result,
        on: decidedOn,
        basis: { kind: 'court.disposal', id },
      });
  }
  await auditCourt(trx, deps, a, p, 'court.disposal', { result, decidedOn });
  return (await repo.findDisposal(trx, p.fir_id))!;
}

/** Words of an appeal's per-accused result that say what the accused now stands as. */
const APPEAL_PERSON_RESULTS: readonly CaseResult[] = ['convicted', 'acquitted', 'discharged', 'compounded', 'abated'];

/**
 * What a recorded appeal makes of each accused's result on their criminal record, by code
 * (only the accused whose result it changes; the judgment's per-accused result stands for the
 * rest). A person's record changes only where the appeal's outcome for that person is known:
 * - A per-accused result naming one of APPEAL_PERSON_RESULTS ("acquitted") is applied as given,
 *   once the appeal is decided.
 * - Remanded (BNSS 427(a), 427(b)(i): the judgment set aside, the accused to be re-tried): the
 *   accused the appeal names, or all accused of the judgment when it names none, are pending
 *   again (null), save one the court gives a result.
 * - Nothing else changes a result, whatever the appellant or the appeal's outcome. An appeal
 *   allowed may be against the sentence only (BNSS 427(b)(iii) alters the sentence and keeps the
 *   finding), so "allowed" alone, or a per-accused word that is not a result ("sentence
 *   reduced"), does not say anyone was acquitted. And the appellant is recorded as a side
 *   ('accused'), not as which accused appealed: one accused's appeal allowed does not acquit a
 *   co-accused who did not appeal, save where the court says so, which it says through the
 *   per-accused list. The appeal itself is recorded as it is, with the words as said.
 * A pending appeal changes nothing; a dismissed, withdrawn or abated one only a result it names.
 */
export function appealPersonResults(
  judgment: readonly { code: string }[],
  input: Pick<AppealInput, 'result' | 'accused'>,
): Map<string, CaseResult | null> {
  const out = new Map<string, CaseResult | null>();
  if (input.result === 'pending') return out;
  const listed = (input.accused ?? []).map((x) => ({ code: x.code.trim().toUpperCase(), said: x.result.trim().toLowerCase() }));
  if (input.result === 'remanded')
    for (const j of listed.length ? judgment.filter((x) => listed.some((l) => l.code === x.code.toUpperCase())) : judgment)
      out.set(j.code, null);
  for (const l of listed) {
    const said = APPEAL_PERSON_RESULTS.find((r) => r === l.said);
    const j = judgment.find((x) => x.code.toUpperCase() === l.code);
    if (said && j) out.set(j.code, said);
  }
  return out;
}

export interface AppealInput {
  appealRef: string;
  appellateCourt: string;
  appellant: 'state' | 'accused' | 'victim' | 'complainant';
  /** Defaults to today (IST). */
  filedOn?: string;
  /** For a decided appeal; defaults to today (IST). */
  decidedOn?: string;
  result: AppealResult;
  accused?: { code: string; result: string; sentence?: Sentence }[];
  remarks?: string;
}

/**
 * An appeal against the judgment (IIF-7): as filed (result pending) or as decided. 409 before
 * the case is disposed. The same appeal with the same result twice answers the row recorded.
 */
export async function recordAppeal(deps: PDeps, trx: Trx, a: CourtActor, ref: string, input: AppealInput) {
  const p = await resolveCourtCase(trx, a.court.id, ref, { forUpdate: true });
  await requireCourtCase(trx, p);
  const disposal = await repo.findDisposal(trx, p.fir_id);
  if (!disposal)
    throw conflict(
      'not_disposed',
      'An appeal lies against a judgment: the court has not disposed of this case yet.',
      'अपील निर्णय के विरुद्ध होती है: न्यायालय ने अभी इस प्रकरण का निस्तारण नहीं किया है।',
    );
  const today = istDate(deps.clock.now());
  const filedOn = input.filedOn ?? today;
  const decidedOn = input.result === 'pending' ? (input.decidedOn ?? null) : (input.decidedOn ?? today);
  const fields: Record<string, string> = {};
  if (filedOn < disposal.decided_on) fields.filedOn = 'before the judgment';
  if (filedOn > today) fields.filedOn = 'in the future';
  if (input.result === 'pending' && decidedOn) fields.decidedOn = 'not for a pending appeal';
  if (decidedOn && decidedOn < filedOn) fields.decidedOn = 'before the appeal was filed';
  if (decidedOn && decidedOn > today) fields.decidedOn = 'in the future';
  const codes = new Set(disposal.accused.map((x) => x.code.toUpperCase()));
  (input.accused ?? []).forEach((x, i) => {
    if (!codes.has(x.code.trim().toUpperCase())) fields[`accused.${i}.code`] = 'not an accused of the judgment';
  });
  if (Object.keys(fields).length)
    throw unprocessable(
      'appeal_invalid',
      `The appeal cannot be recorded: ${Object.entries(fields)
        .map(([f, v]) => `${f} (${v})`)
        .join('; ')}.`,
      'अपील दर्ज नहीं हो सकती: चिह्नित प्रविष्टियां ठीक करें।',
      fields,
    );
  const ref2 = input.appealRef.trim();
  const same = await repo.findAppeal(trx, p.fir_id, ref2, input.result);
  if (same) return { appeal: same, repeated: true };
  const at = deps.clock.now();
  await transition(deps, trx, p.fir_id, 'record_appeal', workflowActor(a), { details: { appealRef: ref2, result: input.result } });
  const id = newId();
  await repo.insertAppeal(trx, {
    id,
    fir_id: p.fir_id,
    state_code: p.state_code,
    district_id: p.district_id,
    subdivision_id: p.subdivision_id,
    station_id: p.station_id,
    court_id: a.court.id,
    appeal_ref: ref2,
    appellate_court: input.appellateCourt.trim(),
    appellant: input.appellant,
    filed_on: filedOn,
    decided_on: decidedOn,
    result: input.result,
    accused: (input.accused ?? []).map((x) => ({ code: x.code.trim().toUpperCase(), result: x.result, sentence: x.sentence ?? null })),
    remarks: input.remarks?.trim() || null,
    source: a.via,
    recorded_by_name: a.name,
    recorded_at: at,
  });
  // A decided appeal that changes what an accused stands as reaches their criminal record.
  const persons = await inv.listCasePersons(trx, p.fir_id);
  for (const [code, result] of appealPersonResults(disposal.accused, input)) {
    const personId = persons.find((x) => x.id === disposal.accused.find((d) => d.code === code)?.case_person_id)?.person_id;
    if (personId)
      await recordCourtResult(deps.clock, trx, a.audit, {
        personId,
        firId: p.fir_id,
        accusedCode: code,
        result,
        on: decidedOn ?? today,
        basis: { kind: 'court.appeal', id, ref: ref2 },
      });
  }
  await auditCourt(trx, deps, a, p, 'court.appeal', { appealRef: ref2, result: input.result });
  return { appeal: (await repo.findAppeal(trx, p.fir_id, ref2, input.result))!, repeated: false };
}

/** Everything the court side sees of one of its cases. */
export async function courtCaseView(db: Kysely<Database>, p: PackageMeta) {
  const [c, k, hearings, disposal, appeals, pkg] = await Promise.all([
    inv.findCaseUnscoped(db, p.fir_id),
    repo.findCourtCase(db, p.fir_id),
    repo.listHearings(db, p.fir_id),
    repo.findDisposal(db, p.fir_id),
    repo.listAppeals(db, p.fir_id),
    repo.readPackageDocument(db, p.id),
  ]);
  const stage = c!.stage;
  return {
    p,
    stage,
    substate: c!.substate,
    firNumber: c!.fir_number,
    stationCode: c!.station_code,
    stationName: c!.station_name,
    stationNameHi: c!.station_name_hi,
    courtCase: k ?? null,
    hearings,
    disposal: disposal ?? null,
    appeals,
    package: pkg!,
    actions: isCaseStage(stage) ? allowedActions(stage, 'court', false, (c!.substate as CaseSubstate | null) ?? null) : [],
  };
}
export type CourtCaseView = Awaited<ReturnType<typeof courtCaseView>>;
