import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { AuthContext, Deps } from '../../http/types.js';
import { forbidden } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { coversPlace } from '../../policy/index.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { caseClocks } from '../clocks/service.js';
import {
  caseNotFound,
  caseNotOpened,
  caseNotUnderInvestigation,
  caseTransferred,
  inFuture,
  noIoAssigned,
  notDesignatedIo,
  badOrder,
  beforeRegistration,
  istText,
} from './errors.js';
import * as repo from './repository.js';
import type { CaseRow, CaseStateTable } from './repository.js';
import { officerActor, transition, type TransitionResult } from './transition.js';
import { allowedActions, CASE_WORKFLOW, isCaseStage, type CaseAction, type CaseStage, type CaseSubstate } from './workflow.js';

/** An officer acting through the API: the session (who, with what scope) and the audit context. */
export interface Officer {
  auth: AuthContext;
  actor: ActorContext;
}

export type InvDeps = Pick<Deps, 'clock'>;

/** A case in the caller's jurisdiction, or 404 (a case outside it answers exactly like a missing one). */
export async function getCase(db: Kysely<Database>, o: Officer, id: string): Promise<CaseRow> {
  const c = await repo.findCase(db, o.auth.scope, id);
  if (!c) throw caseNotFound();
  return c;
}

/**
 * The guard of every investigation record write: the case is in the officer's jurisdiction
 * (else 404), not sent away on transfer, has a designated IO who is this officer (else 403:
 * CAG found records by officers who were not the IO), and is at a stage where the record may be
 * written (409). Locks the case's workflow row for the rest of the transaction, so per-case
 * numbers (diary entries, accused codes …) never collide.
 *
 * `when`: 'investigation' (the default) for the records of an open investigation; 'any' for
 * what goes on after the final report (custody moves, forensic reports, production and bail of
 * an arrested person, documents).
 */
export async function requireDesignatedIo(
  trx: Kysely<Database>,
  o: Officer,
  id: string,
  when: 'investigation' | 'any' = 'investigation',
): Promise<{ c: CaseRow; state: Awaited<ReturnType<typeof repo.lockCaseState>> & object }> {
  const found = await repo.findCase(trx, o.auth.scope, id);
  if (!found) throw caseNotFound();
  if (found.transfer_state) throw caseTransferred();
  const state = await repo.lockCaseState(trx, id);
  if (!state) throw found.stage === 'registered' ? caseNotOpened() : noIoAssigned();
  if (!state.io_id) throw noIoAssigned();
  if (state.io_id !== o.auth.user.id) throw notDesignatedIo(found.io_name);
  const c = (await repo.findCaseUnscoped(trx, id))!;
  const stage = c.stage;
  if (when === 'investigation' && !(isCaseStage(stage) && CASE_WORKFLOW[stage].investigationOpen)) throw caseNotUnderInvestigation(stage);
  if (when === 'any' && stage === 'registered') throw caseNotOpened();
  return { c, state };
}

/** A time given in a request, or now when it is left out (records written as things happen). */
export const timeOr = (deps: InvDeps, v: string | undefined | null): Date => (v ? new Date(v) : deps.clock.now());

/** Grace for clock skew between a browser and the server when a time is given "now". */
const SKEW_MS = 5 * 60_000;

/**
 * A time given for a record of the case: not before the FIR's registration (CAG: arrests and
 * seizures recorded before their FIR), not in the future. 422 naming the field otherwise.
 */
export function checkRecordTime(deps: InvDeps, c: CaseRow, at: Date, field: string, what: string, whatHi: string): Date {
  if (at.getTime() < c.registered_at.getTime()) throw beforeRegistration(field, what, whatHi, c.registered_at);
  if (at.getTime() > deps.clock.now().getTime() + SKEW_MS) throw inFuture(field);
  return at;
}

/**
 * The time of a record that may rightly come before the FIR was written, checked against what
 * it cannot precede instead: a forensic team sent on receipt of the information (BNSS 176(3)),
 * a victim examined at the hospital before she reached the station (BNSS 184). Never in the future.
 */
export function checkTimeSince(deps: InvDeps, at: Date, since: Date, field: string, message: { en: string; hi: string }): Date {
  if (at.getTime() < since.getTime()) throw badOrder(field, `${message.en} (${istText(since)}).`, `${message.hi} (${istText(since)})।`);
  if (at.getTime() > deps.clock.now().getTime() + SKEW_MS) throw inFuture(field);
  return at;
}

export const placeOfCase = (c: CaseRow): repo.PlaceCols => ({
  state_code: c.state_code,
  district_id: c.district_id,
  subdivision_id: c.subdivision_id,
  station_id: c.station_id,
});

export const authorOf = (o: Officer) => ({ author_id: o.auth.user.id, author_name: o.auth.user.name });

/** Audits a write to a case record (who, what, when, from where) in the write's transaction. */
export async function auditCase(
  trx: Kysely<Database>,
  deps: InvDeps,
  o: Officer,
  c: CaseRow,
  action: string,
  details: Record<string, unknown> = {},
) {
  await recordAudit(trx, deps.clock, o.actor, {
    action,
    entityType: 'case',
    entityId: c.id,
    stationId: c.station_id,
    districtId: c.district_id,
    details,
  });
}

// ---------------------------------------------------------------------------------------------
// The case workflow through the API
// ---------------------------------------------------------------------------------------------

/**
 * The SHO designates the IO: the first time it takes the case up for investigation
 * (registered → under_investigation); later it is a reassignment, which needs a reason.
 */
export async function assignIo(
  deps: InvDeps,
  trx: Kysely<Database>,
  o: Officer,
  id: string,
  input: { ioId: string; reason?: string; version?: number },
): Promise<TransitionResult> {
  const c = await getCase(trx, o, id);
  const action: CaseAction = c.stage === 'registered' ? 'assign_io' : 'reassign_io';
  return transition(deps, trx, id, action, officerActor(o), { ioId: input.ioId, reason: input.reason, expectedVersion: input.version });
}

/** Any move of the workflow table made through the API by an officer (submit, approve, return …). */
export async function moveCase(
  deps: InvDeps,
  trx: Kysely<Database>,
  o: Officer,
  id: string,
  input: { action: CaseAction; reason?: string; version?: number },
) {
  if (input.action === 'assign_io' || input.action === 'reassign_io')
    throw forbidden(
      'use_assign_io',
      'Assign or reassign the IO with POST /cases/:id/assign-io.',
      'विवेचक की नियुक्ति POST /cases/:id/assign-io से करें।',
    );
  return transition(deps, trx, id, input.action, officerActor(o), { reason: input.reason, expectedVersion: input.version });
}

/** A supervisor's note (SHO, SDPO, SP of the case's jurisdiction). Append-only; audited. */
export async function addSupervisionNote(
  deps: InvDeps,
  trx: Kysely<Database>,
  o: Officer,
  id: string,
  input: { text: string; directions?: string[]; complyBy?: string },
) {
  const c = await getCase(trx, o, id);
  if (
    !coversPlace(o.auth.scope, {
      stateCode: c.state_code,
      districtId: c.district_id,
      subdivisionId: c.subdivision_id,
      stationId: c.station_id,
    })
  )
    throw caseNotFound();
  const u = o.auth.user;
  const note = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    author_id: u.id,
    author_name: u.name,
    author_rank: u.rank,
    author_role: u.role,
    text: input.text,
    directions: input.directions ?? [],
    comply_by: input.complyBy ?? null,
    created_at: deps.clock.now(),
  };
  await repo.insertSupervisionNote(trx, note);
  await auditCase(trx, deps, o, c, 'case.supervision_note', { noteId: note.id });
  return note;
}

// ---------------------------------------------------------------------------------------------
// Reading a case
// ---------------------------------------------------------------------------------------------

const isDesignated = (c: CaseRow, o: Officer) => !!c.io_id && c.io_id === o.auth.user.id;

/** The actions the caller may take on the case now, drawn from the workflow table. */
export function actionsFor(c: CaseRow, o: Officer): CaseAction[] {
  if (!isCaseStage(c.stage) || c.transfer_state) return [];
  const role = o.auth.user.role;
  // The SHO acts as SHO only at their own station; a supervisor sees the stage but has no buttons.
  if (role === 'sho' && o.auth.user.stationId !== c.station_id) return [];
  return allowedActions(c.stage, role, isDesignated(c, o), (c.substate as CaseSubstate | null) ?? null);
}

/** Everything on a case's page, read in one go and audited (`case.read`). */
export async function readCase(deps: InvDeps, db: Kysely<Database>, o: Officer, id: string) {
  const c = await getCase(db, o, id);
  const [
    transitions,
    assignments,
    notes,
    diary,
    persons,
    statements,
    arrests,
    events,
    notices,
    progress,
    documents,
    seizures,
    items,
    moves,
    forensic,
    reports,
    crime,
    clocks,
  ] = await Promise.all([
    repo.listTransitions(db, id),
    repo.listAssignments(db, id),
    repo.listSupervisionNotes(db, id),
    repo.listDiary(db, id),
    repo.listCasePersons(db, id),
    repo.listStatements(db, id),
    repo.listArrests(db, id),
    repo.listArrestEvents(db, id),
    repo.listAppearanceNotices(db, id),
    repo.listProgressNotices(db, id),
    repo.listDocuments(db, id),
    repo.listSeizures(db, id),
    repo.listItems(db, id),
    repo.listMoves(db, id),
    repo.listForensicRequests(db, id),
    repo.listForensicReports(db, id),
    repo.findCrimeDetails(db, id),
    caseClocks(deps, db, id),
  ]);
  await recordAudit(db, deps.clock, o.actor, {
    action: 'case.read',
    entityType: 'case',
    entityId: id,
    stationId: c.station_id,
    districtId: c.district_id,
  });
  const actions = actionsFor(c, o);
  // The SHO choosing an IO sees the IOs of the case's station.
  const ioOptions = actions.includes('assign_io') || actions.includes('reassign_io') ? await repo.listStationIos(db, c.station_id) : [];
  return {
    c,
    actions,
    ioOptions,
    isDesignatedIo: isDesignated(c, o),
    transitions,
    assignments,
    notes,
    diary,
    persons,
    statements,
    arrests,
    events,
    notices,
    progress,
    documents,
    seizures,
    items,
    moves,
    forensic,
    reports,
    crime,
    clocks,
  };
}
export type CaseBundle = Awaited<ReturnType<typeof readCase>>;

export const listCases = repo.listCases;

export type { CaseStage, CaseStateTable };
