import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { AuthContext, Deps } from '../../http/types.js';
import { conflict, forbidden, staleVersion, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Role, Scope } from '../../policy/index.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { changeFirStage } from '../firs/stage.js';
import { notifyStageChange } from '../citizen/stages.js';
import { refreshCaseClocks } from './clock-facts.js';
import { caseNotFound, caseTransferred, reasonRequired } from './errors.js';
import * as repo from './repository.js';
import type { CaseRow } from './repository.js';
import {
  CASE_WORKFLOW,
  checkMove,
  isCaseStage,
  partiesOf,
  stagesAllowing,
  type CaseAction,
  type CaseStage,
  type CaseSubstate,
  type WorkflowParty,
} from './workflow.js';

/**
 * Who moves a case. Officers act through the API with their session; the court side (the
 * prosecution module's court machine API) acts with role 'court' and no scope, having checked
 * itself that the court may touch the case.
 */
export interface WorkflowActor {
  role: Role;
  userId: string | null;
  name: string;
  rank?: string | null;
  /** The officer's jurisdiction: a case outside it is a 404. null: access already checked (court API). */
  scope: Scope | null;
  /** The officer's posting: an SHO acts as SHO only for cases of their own station. */
  stationId: string | null;
  audit: ActorContext;
}

/** The actor for an officer's API request. */
export const officerActor = (o: { auth: AuthContext; actor: ActorContext }): WorkflowActor => ({
  role: o.auth.user.role,
  userId: o.auth.user.id,
  name: o.auth.user.name,
  rank: o.auth.user.rank,
  scope: o.auth.scope,
  stationId: o.auth.user.stationId,
  audit: o.actor,
});

export interface TransitionOptions {
  reason?: string | null;
  /** The case_state version the caller saw (412 if it moved on). */
  expectedVersion?: number;
  /** assign_io / reassign_io: the officer to designate. */
  ioId?: string;
  /** Facts kept with the transition (e.g. the prosecution module's report id). */
  details?: Record<string, unknown>;
}

export interface TransitionResult {
  caseId: string;
  transitionId: string;
  action: CaseAction;
  from: CaseStage;
  to: CaseStage;
  substate: CaseSubstate | null;
  ioId: string | null;
  version: number;
  at: Date;
}

export interface TransitionContext {
  trx: Kysely<Database>;
  caseRow: CaseRow;
  action: CaseAction;
  from: CaseStage;
  to: CaseStage;
  party: WorkflowParty;
  actor: WorkflowActor;
  options: TransitionOptions;
}

export type TransitionHook = (deps: Pick<Deps, 'clock'>, ctx: TransitionContext) => Promise<void>;

const beforeHooks = new Map<CaseAction, TransitionHook[]>();
const afterHooks: TransitionHook[] = [];

/**
 * Adds a check that runs before `action` is applied, inside its transaction, after the
 * workflow table has allowed it. It throws to refuse (e.g. the prosecution module refuses
 * submit_final_report without a complete final report).
 */
export function onBeforeTransition(action: CaseAction, hook: TransitionHook): void {
  beforeHooks.set(action, [...(beforeHooks.get(action) ?? []), hook]);
}

/** Adds work that runs after every transition, inside its transaction (public case status, notices). */
export function onAfterTransition(hook: TransitionHook): void {
  afterHooks.push(hook);
}

const stageLabel = (s: string) => (isCaseStage(s) ? CASE_WORKFLOW[s].label : { en: s, hi: s });

/** The move's name for messages. */
function actionLabel(action: CaseAction): { en: string; hi: string } {
  for (const s of stagesAllowing(action)) {
    const m = (CASE_WORKFLOW[s].moves as Partial<Record<CaseAction, { label: { en: string; hi: string } }>>)[action];
    if (m) return m.label;
  }
  return { en: action, hi: action };
}

/**
 * Moves a case (the FIR `caseId`) by `action`, as the workflow table allows, inside the
 * caller's transaction:
 *
 * - 404 when the case does not exist or lies outside the officer's jurisdiction;
 * - 409 `transition_not_allowed` for a move the table does not allow from the current stage and
 *   sub-state (a double submit lands here), 409 `case_transferred` for a zero FIR sent away;
 * - 403 `not_designated_io` / `not_your_move` when the table allows the move but not to this
 *   actor (an IO who is not the case's designated IO; an SHO of another station);
 * - 422 `reason_required` for a move that needs a reason; 412 on a stale expectedVersion.
 *
 * Writes fir_status.stage (firs/stage.ts), case_state, a case_transition row (and for IO moves a
 * case_assignment row), the audit row, runs the registered hooks and recomputes the clocks.
 */
export async function transition(
  deps: Pick<Deps, 'clock'>,
  trx: Kysely<Database>,
  caseId: string,
  action: CaseAction,
  actor: WorkflowActor,
  options: TransitionOptions = {},
): Promise<TransitionResult> {
  const found = actor.scope ? await repo.findCase(trx, actor.scope, caseId) : await repo.findCaseUnscoped(trx, caseId);
  if (!found) throw caseNotFound();
  if (found.transfer_state) throw caseTransferred();
  // Lock order everywhere: case_state, then fir_status (firs/stage.ts).
  const state = await repo.lockCaseState(trx, caseId);
  const c = (await repo.findCaseUnscoped(trx, caseId))!;
  const from = c.stage;
  if (!isCaseStage(from)) throw conflict('unknown_stage', `The case is at an unknown stage "${from}".`, `प्रकरण अज्ञात चरण "${from}" पर है।`);
  const substate = state?.substate ?? null;

  const isIo = !!actor.userId && state?.io_id === actor.userId;
  let parties = partiesOf(actor.role, isIo);
  if (actor.role === 'sho' && actor.stationId !== c.station_id) parties = parties.filter((p) => p !== 'sho');

  const check = checkMove(from, substate, action, parties);
  const label = actionLabel(action);
  if (!check.ok) {
    if (check.why === 'not_your_move') {
      const m = check.move!;
      if (m.by.includes('designated_io'))
        throw forbidden(
          'not_designated_io',
          `Only the designated IO of this case${c.io_name ? ` (${c.io_name})` : ''} may ${label.en.toLowerCase()}.`,
          `"${label.hi}" केवल इस प्रकरण के नियुक्त विवेचक${c.io_name ? ` (${c.io_name})` : ''} कर सकते हैं।`,
        );
      const who = m.by
        .map((p) => ({ sho: 'the SHO of the case’s station', designated_io: 'the designated IO', court: 'the court' })[p])
        .join(' or ');
      const whoHi = m.by.map((p) => ({ sho: 'प्रकरण के थाने के थाना प्रभारी', designated_io: 'नियुक्त विवेचक', court: 'न्यायालय' })[p]).join(' या ');
      throw forbidden('not_your_move', `“${label.en}” is for ${who}.`, `“${label.hi}” केवल ${whoHi} कर सकते हैं।`);
    }
    const st = stageLabel(from);
    const extra = substate ? ` (${substate.replace(/_/g, ' ')})` : '';
    throw conflict(
      'transition_not_allowed',
      `“${label.en}” is not possible: the case is at stage “${st.en}”${extra}.`,
      `“${label.hi}” संभव नहीं: प्रकरण “${st.hi}” चरण पर है।`,
      { action: `not allowed from ${from}${substate ? `/${substate}` : ''}` },
    );
  }
  const move = check.move;
  const reason = options.reason?.trim() || null;
  if (move.reason === 'required' && !reason) throw reasonRequired();
  if (options.expectedVersion !== undefined && state && options.expectedVersion !== state.version) throw staleVersion();
  const party = move.by.find((p) => parties.includes(p))!;
  const to = move.to as CaseStage;

  // Designating an IO: an active IO posted at the case's station, not the one already designated.
  let io: { id: string; name: string; rank: string | null } | null = null;
  if (action === 'assign_io' || action === 'reassign_io') {
    if (!options.ioId) throw unprocessable('io_required', 'Name the investigating officer.', 'विवेचक का नाम बताएं।', { ioId: 'required' });
    const u = await repo.findStationUser(trx, options.ioId);
    if (!u || u.role !== 'io' || u.station_id !== c.station_id || u.disabled_at || u.state_code !== c.state_code)
      throw unprocessable(
        'io_not_at_station',
        'The investigating officer must be an active IO posted at the case’s police station.',
        'विवेचक प्रकरण के थाने में पदस्थ सक्रिय विवेचना अधिकारी होना चाहिए।',
        { ioId: 'not an active IO of this station' },
      );
    if (state?.io_id === u.id)
      throw conflict('io_already_assigned', `${u.name} is already the IO of this case.`, `${u.name} पहले से इस प्रकरण के विवेचक हैं।`, {
        ioId: 'already the IO',
      });
    io = { id: u.id, name: u.name, rank: u.rank };
  }

  const ctx: TransitionContext = { trx, caseRow: c, action, from, to, party, actor, options };
  for (const h of beforeHooks.get(action) ?? []) await h(deps, ctx);

  const at = deps.clock.now();
  if (to !== from) await changeFirStage(deps, trx, actor.audit, caseId, { from, to, reason });
  const newSubstate: CaseSubstate | null = move.setsSubstate ?? null;
  let version: number;
  if (!state) {
    await repo.insertCaseState(trx, {
      fir_id: c.id,
      state_code: c.state_code,
      district_id: c.district_id,
      subdivision_id: c.subdivision_id,
      station_id: c.station_id,
      io_id: io?.id ?? null,
      io_assigned_at: io ? at : null,
      substate: newSubstate,
      at,
    });
    version = 1;
  } else {
    const ok = await repo.updateCaseState(trx, caseId, state.version, {
      substate: newSubstate,
      ...(io ? { io_id: io.id, io_assigned_at: at } : {}),
      at,
    });
    if (!ok) throw staleVersion();
    version = state.version + 1;
  }

  const transitionId = newId();
  const seq = await repo.nextNo(trx, 'case_transition', 'seq', caseId);
  const details = { ...(options.details ?? {}), ...(io ? { ioId: io.id, ioName: io.name, previousIoId: state?.io_id ?? null } : {}) };
  await repo.insertTransition(trx, {
    id: transitionId,
    fir_id: c.id,
    state_code: c.state_code,
    district_id: c.district_id,
    subdivision_id: c.subdivision_id,
    station_id: c.station_id,
    seq,
    action,
    from_stage: from,
    to_stage: to,
    from_substate: substate,
    to_substate: newSubstate,
    party,
    actor_id: actor.userId,
    actor_role: actor.role,
    actor_name: actor.name,
    reason,
    details,
    at,
  });
  if (io) {
    await repo.insertAssignment(trx, {
      id: newId(),
      fir_id: c.id,
      state_code: c.state_code,
      district_id: c.district_id,
      subdivision_id: c.subdivision_id,
      station_id: c.station_id,
      io_id: io.id,
      io_name: io.name,
      io_rank: io.rank,
      previous_io_id: state?.io_id ?? null,
      assigned_by: actor.userId!,
      assigned_by_name: actor.name,
      reason,
      assigned_at: at,
      transition_id: transitionId,
    });
  }
  await recordAudit(trx, deps.clock, actor.audit, {
    action: `case.${action}`,
    entityType: 'case',
    entityId: caseId,
    stationId: c.station_id,
    districtId: c.district_id,
    details: { from, to, substate: newSubstate, party, ...(reason ? { reason } : {}), ...(io ? { ioId: io.id } : {}) },
  });
  // The public case status and the informant follow the stage (citizen module; a repeat of the
  // same stage is a no-op there). A disposal or an appeal carries its result: the court side
  // that records it announces it.
  if (to !== from && action !== 'record_disposal' && action !== 'record_appeal')
    await notifyStageChange(trx, caseId, to, { clock: deps.clock });
  for (const h of afterHooks) await h(deps, ctx);
  await refreshCaseClocks(deps, trx, caseId);
  return { caseId, transitionId, action, from, to, substate: newSubstate, ioId: io?.id ?? state?.io_id ?? null, version, at };
}
