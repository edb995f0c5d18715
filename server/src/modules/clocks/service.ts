import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { AuthContext, Deps } from '../../http/types.js';
import { newId } from '../../lib/ids.js';
import { CLOCK_LABELS, clockStatus, computeClocks, type CaseClockFacts, type ClockKind } from './engine.js';
import { complaintClocks } from './complaint-clocks.js';
import * as repo from './repository.js';
import type { ClockCase, ClockFilter } from './repository.js';

export type { ClockCase } from './repository.js';
export {
  computeClocks,
  clockStatus,
  CLOCK_KINDS,
  CLOCK_LABELS,
  type CaseClockFacts,
  type ClockSpec,
  type ClockKind,
  type ClockStatus,
} from './engine.js';

/**
 * Recomputes a case's clocks from its facts and stores them, in the caller's transaction (the
 * one that recorded the event that changed them). Callers: the investigation module after
 * every arrest, production, remand, bail, final report move and progress notice.
 */
export async function storeCaseClocks(
  deps: Pick<Deps, 'clock'>,
  trx: Kysely<Database>,
  c: ClockCase,
  facts: CaseClockFacts,
): Promise<void> {
  await repo.replaceCaseClocks(trx, c, computeClocks(facts), newId, deps.clock.now());
}

type ClockRow = Awaited<ReturnType<typeof repo.listCaseClocks>>[number] & {
  station_code?: string;
  station_name?: string;
  station_name_hi?: string;
  io_name?: string | null;
};

/** A clock as the API shows it, with its status at `now` and its legal basis in both languages. */
export function clockView(r: ClockRow, now: Date) {
  const label = CLOCK_LABELS[r.kind as ClockKind];
  const status = clockStatus({ dueAt: r.due_at, stoppedAt: r.stopped_at, details: r.details }, now);
  // A requirement with no statutory period (BNSS 176(3)) is never "late by" an amount.
  const noPeriod = r.details?.statutoryPeriod === false;
  return {
    id: r.id,
    caseId: r.fir_id,
    firNumber: r.fir_number,
    stationId: r.station_id,
    ...(r.station_code ? { stationCode: r.station_code, stationName: r.station_name, stationNameHi: r.station_name_hi } : {}),
    kind: r.kind,
    label: label?.en ?? r.kind,
    labelHi: label?.hi ?? r.kind,
    subjectId: r.subject_id,
    subject: r.subject_label,
    ioId: r.io_id,
    ...(r.io_name !== undefined ? { ioName: r.io_name } : {}),
    startedAt: r.started_at,
    dueAt: r.due_at,
    stoppedAt: r.stopped_at,
    stopReason: r.stop_reason,
    status,
    /** Milliseconds past the due time (positive = overdue), for sorting and display. */
    overdueByMs: r.stopped_at || noPeriod ? null : now.getTime() - r.due_at.getTime(),
    basis: r.basis,
    basisHi: r.basis_hi,
    details: r.details,
  };
}
export type ClockView = ReturnType<typeof clockView>;

/** Running clocks in the caller's jurisdiction, worst first. */
export async function listClocks(deps: Pick<Deps, 'clock'>, db: Kysely<Database>, auth: AuthContext, f: Omit<ClockFilter, 'now'>) {
  const now = deps.clock.now();
  const { rows, total } = await repo.listRunningClocks(db, auth.scope, { ...f, now });
  return { items: rows.map((r) => clockView(r, now)), total, asOf: now };
}

/**
 * The clocks list of the API: the case clocks (paged) and, beside them, the complaint clocks
 * of the registration stage (e-FIR signature, preliminary enquiry) of the caller's stations —
 * not for "mine" or a single case, which have none.
 */
export async function clocksPage(deps: Pick<Deps, 'clock'>, db: Kysely<Database>, auth: AuthContext, f: Omit<ClockFilter, 'now'>) {
  const r = await listClocks(deps, db, auth, f);
  const complaints = f.ioId || f.firId || f.due === 'running' ? [] : await complaintClocks(db, auth, r.asOf, f.due);
  return { ...r, complaintClocks: complaints.filter((c) => !f.stationId || c.stationId === f.stationId) };
}

/** All clocks of one case (the caller has checked the case is in scope). */
export async function caseClocks(deps: Pick<Deps, 'clock'>, db: Kysely<Database>, firId: string) {
  const now = deps.clock.now();
  return (await repo.listCaseClocks(db, firId)).map((r) => clockView(r, now));
}

export const clockCounts = repo.clockCounts;
