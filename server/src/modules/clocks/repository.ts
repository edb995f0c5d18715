import { sql, type ColumnType, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';
import type { ClockKind, ClockSpec } from './engine.js';

type Timestamp = ColumnType<Date, Date | string, never>;

export interface StatutoryClockTable {
  id: string;
  fir_id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  key: string;
  kind: ClockKind;
  subject_id: string | null;
  subject_label: string | null;
  io_id: string | null;
  fir_number: string;
  started_at: Timestamp;
  due_at: Timestamp;
  stopped_at: Timestamp | null;
  stop_reason: string | null;
  basis: string;
  basis_hi: string;
  details: ColumnType<Record<string, unknown>, string, string>;
  computed_at: Timestamp;
}

declare module '../../db/types.js' {
  interface Database {
    statutory_clock: StatutoryClockTable;
  }
}

type DB = Kysely<Database>;

export interface ClockCase {
  firId: string;
  firNumber: string;
  stateCode: string;
  districtId: string;
  subdivisionId: string;
  stationId: string;
  ioId: string | null;
}

/** Replaces a case's clock rows with the ones just computed (the table is derived from the events). */
export async function replaceCaseClocks(db: DB, c: ClockCase, specs: ClockSpec[], ids: () => string, at: Date): Promise<void> {
  await db.deleteFrom('statutory_clock').where('fir_id', '=', c.firId).execute();
  if (!specs.length) return;
  await db
    .insertInto('statutory_clock')
    .values(
      specs.map((s) => ({
        id: ids(),
        fir_id: c.firId,
        state_code: c.stateCode,
        district_id: c.districtId,
        subdivision_id: c.subdivisionId,
        station_id: c.stationId,
        key: s.key,
        kind: s.kind,
        subject_id: s.subjectId,
        subject_label: s.subjectLabel,
        io_id: c.ioId,
        fir_number: c.firNumber,
        started_at: s.startedAt,
        due_at: s.dueAt,
        stopped_at: s.stoppedAt,
        stop_reason: s.stopReason,
        basis: s.basis,
        basis_hi: s.basisHi,
        details: JSON.stringify(s.details),
        computed_at: at,
      })),
    )
    .execute();
}

export interface ClockFilter {
  now: Date;
  due?: '7d' | 'overdue' | 'running';
  ioId?: string;
  stationId?: string;
  firId?: string;
  limit: number;
  offset: number;
}

function base(db: DB, scope: Scope, f: ClockFilter) {
  let q = db
    .selectFrom('statutory_clock as k')
    .where(inScope(scope, { state: 'k.state_code', district: 'k.district_id', subdivision: 'k.subdivision_id', station: 'k.station_id' }))
    .where('k.stopped_at', 'is', null);
  const soon = new Date(f.now.getTime() + 7 * 86_400_000);
  if (f.due === 'overdue') q = q.where('k.due_at', '<', f.now);
  if (f.due === '7d') q = q.where('k.due_at', '>=', f.now).where('k.due_at', '<=', soon);
  if (f.ioId) q = q.where('k.io_id', '=', f.ioId);
  if (f.stationId) q = q.where('k.station_id', '=', f.stationId);
  if (f.firId) q = q.where('k.fir_id', '=', f.firId);
  return q;
}

/**
 * Requirements with no statutory period (BNSS 176(3) forensic visit: "due" from the registration)
 * come after every clock with a deadline, so a flag on an old case never pushes a fresh
 * 24-hour production off the top of a list.
 */
export const NO_PERIOD_KINDS: readonly ClockKind[] = ['forensic_scene_visit'];
export const deadlinesFirst = sql<boolean>`k.kind in (${sql.join(NO_PERIOD_KINDS)})`;

/** Running clocks in the scope, worst first (the earliest due — the most overdue — first; flags without a period last). */
export async function listRunningClocks(db: DB, scope: Scope, f: ClockFilter) {
  const [rows, total] = await Promise.all([
    base(db, scope, f)
      .innerJoin('station as st', 'st.id', 'k.station_id')
      .leftJoin('app_user as io', 'io.id', 'k.io_id')
      .selectAll('k')
      .select(['st.code as station_code', 'st.name as station_name', 'st.name_hi as station_name_hi', 'io.name as io_name'])
      .orderBy(deadlinesFirst)
      .orderBy('k.due_at')
      .orderBy('k.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every clock of one case, running and stopped. */
export async function listCaseClocks(db: DB, firId: string) {
  return db.selectFrom('statutory_clock').selectAll().where('fir_id', '=', firId).orderBy('due_at').execute();
}

/** Counts of running clocks due within 7 days and overdue, in the scope (optionally one IO's). */
export async function clockCounts(db: DB, scope: Scope, now: Date, ioId?: string) {
  const soon = new Date(now.getTime() + 7 * 86_400_000);
  const r = await db
    .selectFrom('statutory_clock as k')
    .select([
      sql<number>`count(*) filter (where k.due_at < ${now})`.as('overdue'),
      sql<number>`count(*) filter (where k.due_at >= ${now} and k.due_at <= ${soon})`.as('due7d'),
    ])
    .where(inScope(scope, { state: 'k.state_code', district: 'k.district_id', subdivision: 'k.subdivision_id', station: 'k.station_id' }))
    .where('k.stopped_at', 'is', null)
    .$if(!!ioId, (q) => q.where('k.io_id', '=', ioId!))
    .executeTakeFirstOrThrow();
  return { overdue: Number(r.overdue), due7d: Number(r.due7d) };
}
