import { sql, type ColumnType, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';
import type { PlaceCols } from '../investigation/repository.js';

/**
 * SQL of the investigation duties (migration 0061): forensic scene visits (BNSS 176(3)), victim
 * medical examinations and their reports (BNSS 184), further investigations during trial and
 * their events (BNSS 193(9)). Every read a caller makes takes the caller's scope and filters
 * the record's own place columns, so a forgotten case check cannot leak a row; only the clock
 * engine's facts (`*Facts`) read a case unscoped, inside the write that changed them.
 */

type Timestamp = ColumnType<Date, Date | string, never>;
/** jsonb: written as a JSON string, read back parsed. */
type Json<T = unknown> = ColumnType<T, string, string>;
/** A date column: read as 'YYYY-MM-DD' (see db/index.ts type parsers), written as one. */
type DateCol = ColumnType<string, string, never>;

interface Author {
  author_id: string;
  author_name: string;
  created_at: Timestamp;
}

export interface ForensicSceneVisitTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  visit_no: number;
  expert_name: string;
  expert_designation: string | null;
  lab_unit: string;
  visited_at: Timestamp;
  collected: Json<string[]>;
  remarks: string | null;
  video_document_id: string | null;
  video_ref: string | null;
  video_sha256: string | null;
  video_absent_reason: string | null;
}

export interface VictimMedicalExamTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  exam_no: number;
  case_person_id: string;
  practitioner_name: string;
  practitioner_reg_no: string | null;
  hospital: string;
  examined_at: Timestamp;
}

export interface VictimMedicalReportTable extends PlaceCols, Author {
  id: string;
  exam_id: string;
  fir_id: string;
  received_at: Timestamp;
  report_ref: string | null;
  document_id: string | null;
}

export interface FurtherInvestigationTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  order_no: number;
  ordered_on: DateCol;
  court_order_ref: string;
  court_name: string | null;
  directions: string | null;
}

export interface FurtherInvestigationEventTable extends PlaceCols, Author {
  id: string;
  further_investigation_id: string;
  fir_id: string;
  seq: number;
  kind: 'extension' | 'completed';
  extended_to: DateCol | null;
  order_ref: string | null;
  ordered_on: DateCol | null;
  completed_at: Timestamp | null;
  report_ref: string | null;
  document_id: string | null;
}

declare module '../../db/types.js' {
  interface Database {
    forensic_scene_visit: ForensicSceneVisitTable;
    victim_medical_exam: VictimMedicalExamTable;
    victim_medical_report: VictimMedicalReportTable;
    further_investigation: FurtherInvestigationTable;
    further_investigation_event: FurtherInvestigationEventTable;
  }
}

type DB = Kysely<Database>;

const scopedTo = (scope: Scope, a: string) =>
  inScope(scope, {
    state: `${a}.state_code`,
    district: `${a}.district_id`,
    subdivision: `${a}.subdivision_id`,
    station: `${a}.station_id`,
  });

/** The next number of a per-case series. Call under the case lock (requireDesignatedIo takes it). */
export async function nextNo(
  db: DB,
  table: 'forensic_scene_visit' | 'victim_medical_exam' | 'further_investigation',
  col: 'visit_no' | 'exam_no' | 'order_no',
  firId: string,
): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select(sql<number>`coalesce(max(${sql.ref(col)}), 0)`.as('m'))
    .where('fir_id', '=', firId)
    .executeTakeFirstOrThrow();
  return Number(r.m) + 1;
}

// ---------------------------------------------------------------------------------------------
// Forensic scene visits (BNSS 176(3))

export type NewVisit = Omit<Insertable<ForensicSceneVisitTable>, 'collected'> & { collected: string[] };

export async function insertVisit(db: DB, row: NewVisit) {
  await db
    .insertInto('forensic_scene_visit')
    .values({ ...row, collected: JSON.stringify(row.collected) })
    .execute();
}

export async function listVisits(db: DB, scope: Scope, firId: string) {
  return db
    .selectFrom('forensic_scene_visit as v')
    .selectAll('v')
    .where('v.fir_id', '=', firId)
    .where(scopedTo(scope, 'v'))
    .orderBy('v.visit_no')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Victim medical examinations and reports (BNSS 184)

export type NewExam = Insertable<VictimMedicalExamTable>;
export type NewReport = Insertable<VictimMedicalReportTable>;

export async function insertExam(db: DB, row: NewExam) {
  await db.insertInto('victim_medical_exam').values(row).execute();
}

export async function insertReport(db: DB, row: NewReport) {
  await db.insertInto('victim_medical_report').values(row).execute();
}

/** The examinations of a case with their victim's code and the report, if received. */
export async function listExams(db: DB, scope: Scope, firId: string) {
  return db
    .selectFrom('victim_medical_exam as e')
    .innerJoin('case_person as cp', 'cp.id', 'e.case_person_id')
    .leftJoin('victim_medical_report as r', 'r.exam_id', 'e.id')
    .selectAll('e')
    .select([
      'cp.code as victim_code',
      'r.id as report_id',
      'r.received_at as report_received_at',
      'r.report_ref as report_ref',
      'r.document_id as report_document_id',
      'r.author_name as report_author_name',
    ])
    .where('e.fir_id', '=', firId)
    .where(scopedTo(scope, 'e'))
    .orderBy('e.exam_no')
    .execute();
}

export async function findExam(db: DB, scope: Scope, firId: string, id: string) {
  return db
    .selectFrom('victim_medical_exam as e')
    .leftJoin('victim_medical_report as r', 'r.exam_id', 'e.id')
    .selectAll('e')
    .select(['r.id as report_id'])
    .where('e.fir_id', '=', firId)
    .where('e.id', '=', id)
    .where(scopedTo(scope, 'e'))
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Further investigation (BNSS 193(9))

export type NewOrder = Insertable<FurtherInvestigationTable>;
export type NewEvent = Insertable<FurtherInvestigationEventTable>;

export async function insertOrder(db: DB, row: NewOrder) {
  await db.insertInto('further_investigation').values(row).execute();
}

export async function insertEvent(db: DB, row: NewEvent) {
  await db.insertInto('further_investigation_event').values(row).execute();
}

export async function listOrders(db: DB, scope: Scope, firId: string) {
  return db
    .selectFrom('further_investigation as o')
    .selectAll('o')
    .where('o.fir_id', '=', firId)
    .where(scopedTo(scope, 'o'))
    .orderBy('o.order_no')
    .execute();
}

export async function findOrder(db: DB, scope: Scope, firId: string, id: string) {
  return db
    .selectFrom('further_investigation as o')
    .selectAll('o')
    .where('o.fir_id', '=', firId)
    .where('o.id', '=', id)
    .where(scopedTo(scope, 'o'))
    .executeTakeFirst();
}

export async function listEvents(db: DB, scope: Scope, firId: string) {
  return db
    .selectFrom('further_investigation_event as e')
    .selectAll('e')
    .where('e.fir_id', '=', firId)
    .where(scopedTo(scope, 'e'))
    .orderBy('e.further_investigation_id')
    .orderBy('e.seq')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// The clock engine's facts: unscoped, read inside the transaction that changed them

export async function firstVisitAt(db: DB, firId: string): Promise<Date | null> {
  const r = await db
    .selectFrom('forensic_scene_visit')
    .select(sql<Date | null>`min(visited_at)`.as('at'))
    .where('fir_id', '=', firId)
    .executeTakeFirst();
  return r?.at ? new Date(r.at) : null;
}

export async function examFacts(db: DB, firId: string) {
  return db
    .selectFrom('victim_medical_exam as e')
    .innerJoin('case_person as cp', 'cp.id', 'e.case_person_id')
    .leftJoin('victim_medical_report as r', 'r.exam_id', 'e.id')
    .select(['e.id', 'e.examined_at', 'cp.code', 'r.received_at'])
    .where('e.fir_id', '=', firId)
    .orderBy('e.exam_no')
    .execute();
}

export async function orderFacts(db: DB, firId: string) {
  const [orders, events] = await Promise.all([
    db
      .selectFrom('further_investigation')
      .select(['id', 'ordered_on', 'court_order_ref'])
      .where('fir_id', '=', firId)
      .orderBy('order_no')
      .execute(),
    db
      .selectFrom('further_investigation_event')
      .select(['further_investigation_id', 'kind', 'extended_to', 'completed_at', 'seq'])
      .where('fir_id', '=', firId)
      .orderBy('seq')
      .execute(),
  ]);
  return { orders, events };
}
