import { sql, type ColumnType, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';
import { deadlinesFirst } from '../clocks/repository.js';

type Timestamp = ColumnType<Date, Date | string, never>;
type MutableTimestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: written as a JSON string, read back parsed. */
type Json<T = unknown> = ColumnType<T, string, string>;

/** The place columns every record of a case carries (copied from the FIR at write time). */
export interface PlaceCols {
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
}

interface Author {
  author_id: string;
  author_name: string;
}

export interface CaseStateTable extends PlaceCols {
  fir_id: string;
  io_id: string | null;
  io_assigned_at: MutableTimestamp | null;
  substate: 'awaiting_sho_approval' | 'approved' | null;
  version: number;
  created_at: Timestamp;
  updated_at: MutableTimestamp;
}

export interface CaseTransitionTable extends PlaceCols {
  id: string;
  fir_id: string;
  seq: number;
  action: string;
  from_stage: string;
  to_stage: string;
  from_substate: string | null;
  to_substate: string | null;
  party: 'sho' | 'designated_io' | 'court';
  actor_id: string | null;
  actor_role: string;
  actor_name: string;
  reason: string | null;
  details: Json<Record<string, unknown>>;
  at: Timestamp;
}

export interface CaseAssignmentTable extends PlaceCols {
  id: string;
  fir_id: string;
  io_id: string;
  io_name: string;
  io_rank: string | null;
  previous_io_id: string | null;
  assigned_by: string;
  assigned_by_name: string;
  reason: string | null;
  assigned_at: Timestamp;
  transition_id: string;
}

export interface CaseSupervisionNoteTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  author_rank: string | null;
  author_role: string;
  text: string;
  directions: Json<string[]>;
  comply_by: string | null;
  created_at: Timestamp;
}

export interface CaseDocumentTable extends PlaceCols {
  id: string;
  fir_id: string;
  kind: string;
  title: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: Timestamp;
}

export interface CaseDiaryEntryTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  entry_no: number;
  diary_date: ColumnType<string, string, never>;
  started_at: Timestamp;
  closed_at: Timestamp;
  places_visited: Json<string[]>;
  circumstances: string;
  corrects_id: string | null;
  author_rank: string | null;
  recorded_at: Timestamp;
}

export interface CrimeDetailsTable extends PlaceCols {
  fir_id: string;
  major_head_code: string | null;
  minor_head_code: string | null;
  mo_codes: Json<string[]>;
  mo_text: string | null;
  place_type: string | null;
  scene_lat: number | null;
  scene_lng: number | null;
  scene_description: string | null;
  scene_document_ids: Json<string[]>;
  properties: Json<unknown[]>;
  weapons: Json<unknown[]>;
  vehicles: Json<unknown[]>;
  motive: string | null;
  version: number;
  updated_by: string;
  updated_by_name: string;
  created_at: Timestamp;
  updated_at: MutableTimestamp;
}

export interface CrimeDetailsRevisionTable {
  id: string;
  fir_id: string;
  version: number;
  snapshot: Json<Record<string, unknown>>;
  author_id: string;
  author_name: string;
  saved_at: Timestamp;
}

export type PersonRole = 'complainant' | 'victim' | 'accused' | 'suspect' | 'witness';

export interface CasePersonTable extends PlaceCols {
  id: string;
  fir_id: string;
  person_id: string;
  role: PersonRole;
  seq: number;
  code: string;
  name: string;
  sex: string | null;
  age_years: number | null;
  juvenile: boolean;
  description: string | null;
  remarks: string | null;
  added_by: string;
  added_by_name: string;
  added_at: Timestamp;
}

export interface CaseStatementTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  statement_no: number;
  case_person_id: string;
  recorded_at: Timestamp;
  place: string;
  language: 'hi' | 'en' | 'other';
  text: string;
  media_document_id: string | null;
  woman_officer_required: boolean;
  recorded_by_woman_officer: boolean;
  recording_officer_name: string | null;
  corrects_id: string | null;
  author_rank: string | null;
  created_at: Timestamp;
}

export type ArrestOutcome = 'sent_up' | 'bailed' | 'judicial_custody' | 'police_custody';

export interface ArrestMemoTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  case_person_id: string;
  kind: 'arrest' | 'court_surrender';
  arrested_at: Timestamp;
  place: string;
  place_lat: number | null;
  place_lng: number | null;
  arrested_by_name: string;
  grounds: string;
  grounds_given_at: Timestamp | null;
  bail_right_informed: boolean;
  informed_name: string | null;
  informed_relation: string | null;
  informed_mode: string | null;
  informed_at: Timestamp | null;
  medical_examined_at: Timestamp | null;
  medical_examiner: string | null;
  medical_remarks: string | null;
  court_name: string | null;
  sections: Json<{ act: string; section: string }[]>;
  outcome: ArrestOutcome;
  necessity_required: boolean;
  necessity_reason: string | null;
  witness_name: string | null;
  witness_address: string | null;
  countersigned: boolean;
  juvenile: boolean;
  gd_entry_id: string | null;
  author_rank: string | null;
  created_at: Timestamp;
}

export type ArrestEventKind = 'produced' | 'remanded_police' | 'remanded_judicial' | 'bailed' | 'released';

export interface ArrestEventTable extends PlaceCols, Author {
  id: string;
  arrest_id: string;
  fir_id: string;
  seq: number;
  kind: ArrestEventKind;
  at: Timestamp;
  court_name: string | null;
  order_ref: string | null;
  remand_until: string | null;
  journey_minutes: number | null;
  remarks: string | null;
  created_at: Timestamp;
}

export interface AppearanceNoticeTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  notice_no: number;
  case_person_id: string;
  issued_at: Timestamp;
  appear_at: Timestamp;
  appear_place: string;
  served_how: string;
  conditions: string | null;
  basis: string;
  author_rank: string | null;
  created_at: Timestamp;
}

export interface ProgressNoticeTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  recipient: 'informant' | 'victim';
  recipient_name: string;
  channels: Json<string[]>;
  text_en: string;
  text_hi: string;
  outbox_ids: Json<string[]>;
  sent_at: Timestamp;
  created_at: Timestamp;
}

export interface SeizureMemoTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  memo_no: number;
  seized_at: Timestamp;
  place: string;
  place_lat: number | null;
  place_lng: number | null;
  search_kind: 'search' | 'recovery' | 'production' | 'other';
  from_case_person_id: string | null;
  witnesses: Json<{ name: string; address?: string }[]>;
  recording_document_id: string | null;
  recording_ref: string | null;
  recording_sha256: string | null;
  recording_absent_reason: string | null;
  remarks: string | null;
  author_rank: string | null;
  created_at: Timestamp;
}

export interface SeizedItemTable extends PlaceCols {
  id: string;
  seizure_id: string;
  fir_id: string;
  item_no: number;
  description: string;
  category: string;
  quantity: number;
  unit: string;
  identifying_marks: string | null;
  value: number;
  vehicle_reg_no: string | null;
  engine_no: string | null;
  chassis_no: string | null;
  imei: Json<string[]>;
  owner_name: string | null;
  created_at: Timestamp;
}

export interface CustodyMoveTable extends PlaceCols, Author {
  id: string;
  item_id: string;
  fir_id: string;
  seq: number;
  kind: string;
  from_location: string;
  to_location: string;
  place: string;
  at: Timestamp;
  reason: string;
  handed_to: string | null;
  order_ref: string | null;
  author_rank: string | null;
  created_at: Timestamp;
}

export interface PropertyIdentifierTable extends PlaceCols {
  id: string;
  fir_id: string;
  source: 'seizure' | 'crime_details';
  source_id: string;
  kind: 'vehicle_reg' | 'engine_no' | 'chassis_no' | 'imei';
  value: string;
  description: string;
  recorded_at: Timestamp;
}

export interface ForensicRequestTable extends PlaceCols, Author {
  id: string;
  fir_id: string;
  request_no: number;
  lab: string;
  what: string;
  item_ids: Json<string[]>;
  questions: string | null;
  sent_at: Timestamp;
  created_at: Timestamp;
}

export interface ForensicReportTable extends PlaceCols, Author {
  id: string;
  request_id: string;
  fir_id: string;
  received_at: Timestamp;
  report_ref: string | null;
  document_id: string | null;
  summary: string;
  created_at: Timestamp;
}

declare module '../../db/types.js' {
  interface Database {
    case_state: CaseStateTable;
    case_transition: CaseTransitionTable;
    case_assignment: CaseAssignmentTable;
    case_supervision_note: CaseSupervisionNoteTable;
    case_document: CaseDocumentTable;
    case_diary_entry: CaseDiaryEntryTable;
    crime_details: CrimeDetailsTable;
    crime_details_revision: CrimeDetailsRevisionTable;
    case_person: CasePersonTable;
    case_statement: CaseStatementTable;
    arrest_memo: ArrestMemoTable;
    arrest_event: ArrestEventTable;
    appearance_notice: AppearanceNoticeTable;
    progress_notice: ProgressNoticeTable;
    seizure_memo: SeizureMemoTable;
    seized_item: SeizedItemTable;
    custody_move: CustodyMoveTable;
    property_identifier: PropertyIdentifierTable;
    forensic_request: ForensicRequestTable;
    forensic_report: ForensicReportTable;
  }
}

type DB = Kysely<Database>;

/** The jurisdiction filter on a table aliased `a` whose place columns are the standard ones. */
export const scoped = (scope: Scope, alias: string): Expression<SqlBool> =>
  inScope(scope, {
    state: `${alias}.state_code`,
    district: `${alias}.district_id`,
    subdivision: `${alias}.subdivision_id`,
    station: `${alias}.station_id`,
  });

// ---------------------------------------------------------------------------------------------
// The case: FIR + its status + the workflow state
// ---------------------------------------------------------------------------------------------

/**
 * A case as the investigation module reads it. The FIR's own columns and status are read here
 * directly (read-only) because a case IS an FIR: listing cases with their stage, IO and clocks
 * in one query is what keeps lists fast and scoped in SQL. Writes to the FIR go through the
 * firs module (firs/stage.ts).
 */
export interface CaseRow extends PlaceCols {
  id: string;
  fir_number: string;
  year: number;
  registered_at: Date;
  information_received_at: Date;
  occurrence_from: Date;
  place: string;
  complainant: unknown;
  narrative: string;
  zero_fir: boolean;
  transfer_state: 'pending' | 'acknowledged' | null;
  stage: string;
  stage_changed_at: Date;
  sensitive: boolean;
  fir_status_version: number;
  station_code: string;
  station_name: string;
  station_name_hi: string;
  io_id: string | null;
  io_name: string | null;
  io_name_hi: string | null;
  io_rank: string | null;
  io_assigned_at: Date | null;
  substate: 'awaiting_sho_approval' | 'approved' | null;
  case_version: number | null;
  sections: { act: string; section: string; titleEn: string | null; titleHi: string | null; sensitive: boolean }[];
}

const sectionsJson = sql<CaseRow['sections']>`coalesce((
  select json_agg(json_build_object('act', x.act, 'section', x.section, 'titleEn', x.title_en, 'titleHi', x.title_hi, 'sensitive', x.sensitive) order by x.position)
    from fir_section x where x.fir_id = f.id), '[]'::json)`;

function caseQuery(db: DB) {
  return db
    .selectFrom('fir as f')
    .innerJoin('fir_status as s', 's.fir_id', 'f.id')
    .innerJoin('station as st', 'st.id', 'f.station_id')
    .leftJoin('case_state as c', 'c.fir_id', 'f.id')
    .leftJoin('app_user as io', 'io.id', 'c.io_id')
    .select([
      'f.id',
      'f.state_code',
      'f.district_id',
      'f.subdivision_id',
      'f.station_id',
      'f.fir_number',
      'f.year',
      'f.registered_at',
      'f.information_received_at',
      'f.occurrence_from',
      'f.place',
      'f.complainant',
      'f.narrative',
      'f.zero_fir',
      's.transfer_state',
      's.stage',
      's.stage_changed_at',
      's.sensitive',
      's.version as fir_status_version',
      'st.code as station_code',
      'st.name as station_name',
      'st.name_hi as station_name_hi',
      'c.io_id',
      'io.name as io_name',
      'io.name_hi as io_name_hi',
      'io.rank as io_rank',
      'c.io_assigned_at',
      'c.substate',
      'c.version as case_version',
    ])
    .select(sectionsJson.as('sections'));
}

/** One case within the scope (its own station's chain of command), or undefined. */
export async function findCase(db: DB, scope: Scope, id: string): Promise<CaseRow | undefined> {
  return (await caseQuery(db).where('f.id', '=', id).where(scoped(scope, 'f')).executeTakeFirst()) as CaseRow | undefined;
}

/** One case regardless of scope: for callers that already checked access (the court API) and for the clock engine. */
export async function findCaseUnscoped(db: DB, id: string): Promise<CaseRow | undefined> {
  return (await caseQuery(db).where('f.id', '=', id).executeTakeFirst()) as CaseRow | undefined;
}

export interface CaseFilter {
  stage?: string;
  ioId?: string;
  stationId?: string;
  due?: '7d' | 'overdue';
  now: Date;
  q?: string;
  limit: number;
  offset: number;
}

function listBase(db: DB, scope: Scope, f: CaseFilter) {
  let q = db
    .selectFrom('fir as f')
    .innerJoin('fir_status as s', 's.fir_id', 'f.id')
    .leftJoin('case_state as c', 'c.fir_id', 'f.id')
    .where(scoped(scope, 'f'))
    // A zero FIR handed over to another station is investigated there, under its new number.
    .where((eb) => eb.or([eb('s.transfer_state', 'is', null), eb('s.transfer_state', '=', 'pending')]));
  if (f.stage) q = q.where('s.stage', '=', f.stage);
  if (f.ioId) q = q.where('c.io_id', '=', f.ioId);
  if (f.stationId) q = q.where('f.station_id', '=', f.stationId);
  if (f.q) {
    const term = f.q.trim();
    const like = `%${term.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('f.fir_number', '=', term), eb(sql`lower(f.place)`, 'like', like)]));
  }
  if (f.due) {
    const soon = new Date(f.now.getTime() + 7 * 86_400_000);
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('statutory_clock as k')
          .select(sql`1`.as('one'))
          .whereRef('k.fir_id', '=', 'f.id')
          .where('k.stopped_at', 'is', null)
          .$if(f.due === 'overdue', (w) => w.where('k.due_at', '<', f.now))
          .$if(f.due === '7d', (w) => w.where('k.due_at', '>=', f.now).where('k.due_at', '<=', soon)),
      ),
    );
  }
  return q;
}

export async function listCases(db: DB, scope: Scope, f: CaseFilter) {
  const [rows, total] = await Promise.all([
    listBase(db, scope, f)
      .innerJoin('station as st', 'st.id', 'f.station_id')
      .leftJoin('app_user as io', 'io.id', 'c.io_id')
      .select([
        'f.id',
        'f.fir_number',
        'f.year',
        'f.station_id',
        'st.code as station_code',
        'st.name as station_name',
        'st.name_hi as station_name_hi',
        'f.registered_at',
        'f.place',
        's.stage',
        's.stage_changed_at',
        's.sensitive',
        'c.substate',
        'c.io_id',
        'io.name as io_name',
        'io.name_hi as io_name_hi',
        sectionsJson.as('sections'),
        // The next deadline; a requirement with no period (forensic visit) only when there is none.
        sql<Date | null>`(select k.due_at from statutory_clock k where k.fir_id = f.id and k.stopped_at is null order by ${deadlinesFirst}, k.due_at limit 1)`.as(
          'next_due_at',
        ),
        sql<
          string | null
        >`(select k.kind from statutory_clock k where k.fir_id = f.id and k.stopped_at is null order by ${deadlinesFirst}, k.due_at limit 1)`.as(
          'next_due_kind',
        ),
      ])
      .orderBy('f.registered_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    listBase(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Locks the case's workflow row for the rest of the transaction (serialises per-case numbering). */
export async function lockCaseState(db: DB, firId: string) {
  return db.selectFrom('case_state').selectAll().where('fir_id', '=', firId).forUpdate().executeTakeFirst();
}

export async function insertCaseState(
  db: DB,
  row: Omit<CaseStateTable, 'version' | 'io_assigned_at' | 'created_at' | 'updated_at'> & { io_assigned_at: Date | null; at: Date },
) {
  const { at, ...rest } = row;
  await db
    .insertInto('case_state')
    .values({ ...rest, version: 1, created_at: at, updated_at: at })
    .execute();
}

export async function updateCaseState(
  db: DB,
  firId: string,
  version: number,
  set: { io_id?: string | null; io_assigned_at?: Date | null; substate?: CaseStateTable['substate']; at: Date },
): Promise<boolean> {
  const { at, ...rest } = set;
  const r = await db
    .updateTable('case_state')
    .set({ ...rest, updated_at: at, version: version + 1 })
    .where('fir_id', '=', firId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The next number of a per-case series (diary entries, statements, memos …). Call under the case lock. */
export async function nextNo(
  db: DB,
  table:
    'case_diary_entry' | 'case_statement' | 'seizure_memo' | 'seized_item' | 'appearance_notice' | 'forensic_request' | 'case_transition',
  col: 'entry_no' | 'statement_no' | 'memo_no' | 'item_no' | 'notice_no' | 'request_no' | 'seq',
  firId: string,
): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select(sql<number>`coalesce(max(${sql.ref(col)}), 0)`.as('m'))
    .where('fir_id', '=', firId)
    .executeTakeFirstOrThrow();
  return Number(r.m) + 1;
}

export async function insertTransition(
  db: DB,
  row: Omit<CaseTransitionTable, 'details' | 'at'> & { details: Record<string, unknown>; at: Date },
) {
  await db
    .insertInto('case_transition')
    .values({ ...row, details: JSON.stringify(row.details) })
    .execute();
}

export async function listTransitions(db: DB, firId: string) {
  return db.selectFrom('case_transition').selectAll().where('fir_id', '=', firId).orderBy('seq').execute();
}

export async function insertAssignment(db: DB, row: Omit<CaseAssignmentTable, 'assigned_at'> & { assigned_at: Date }) {
  await db.insertInto('case_assignment').values(row).execute();
}

export async function listAssignments(db: DB, firId: string) {
  return db.selectFrom('case_assignment').selectAll().where('fir_id', '=', firId).orderBy('assigned_at').execute();
}

export async function findStationUser(db: DB, id: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'name', 'name_hi', 'rank', 'role', 'state_code', 'station_id', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The active IOs posted at a station, for the SHO's choice of IO. */
export async function listStationIos(db: DB, stationId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'name', 'name_hi', 'rank'])
    .where('station_id', '=', stationId)
    .where('role', '=', 'io')
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
}

export async function insertSupervisionNote(
  db: DB,
  row: Omit<CaseSupervisionNoteTable, 'directions' | 'created_at'> & { directions: string[]; created_at: Date },
) {
  await db
    .insertInto('case_supervision_note')
    .values({ ...row, directions: JSON.stringify(row.directions) })
    .execute();
}

export async function listSupervisionNotes(db: DB, firId: string) {
  return db.selectFrom('case_supervision_note').selectAll().where('fir_id', '=', firId).orderBy('created_at').execute();
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/** Serialises the jsonb fields of a row for insertion. */
function jsonify<T extends Record<string, unknown>>(row: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const k of keys) if (k in out) out[k] = JSON.stringify(out[k] ?? []);
  return out;
}

const JSON_COLS: Partial<Record<keyof Database, readonly string[]>> = {
  case_diary_entry: ['places_visited'],
  crime_details: ['mo_codes', 'scene_document_ids', 'properties', 'weapons', 'vehicles'],
  crime_details_revision: ['snapshot'],
  arrest_memo: ['sections'],
  progress_notice: ['channels', 'outbox_ids'],
  seizure_memo: ['witnesses'],
  seized_item: ['imei'],
  forensic_request: ['item_ids'],
};

type RecordTable =
  | 'case_document'
  | 'case_diary_entry'
  | 'crime_details_revision'
  | 'case_person'
  | 'case_statement'
  | 'arrest_memo'
  | 'arrest_event'
  | 'appearance_notice'
  | 'progress_notice'
  | 'seizure_memo'
  | 'seized_item'
  | 'custody_move'
  | 'property_identifier'
  | 'forensic_request'
  | 'forensic_report';

/** Inserts one append-only record (jsonb fields given as values, serialised here). */
export async function insertRecord(db: DB, table: RecordTable, row: Record<string, unknown>): Promise<void> {
  await db
    .insertInto(table)
    .values(jsonify(row, JSON_COLS[table] ?? []) as never)
    .execute();
}

export async function listDiary(db: DB, firId: string) {
  return db.selectFrom('case_diary_entry').selectAll().where('fir_id', '=', firId).orderBy('entry_no').execute();
}
export async function findDiaryEntry(db: DB, firId: string, id: string) {
  return db.selectFrom('case_diary_entry').selectAll().where('fir_id', '=', firId).where('id', '=', id).executeTakeFirst();
}

export async function findCrimeDetails(db: DB, firId: string) {
  return db.selectFrom('crime_details').selectAll().where('fir_id', '=', firId).executeTakeFirst();
}

export async function insertCrimeDetails(db: DB, row: Record<string, unknown> & { fir_id: string; at: Date }) {
  const { at, ...rest } = row;
  await db
    .insertInto('crime_details')
    .values(jsonify({ ...rest, created_at: at, updated_at: at }, JSON_COLS.crime_details!) as never)
    .execute();
}

export async function updateCrimeDetails(
  db: DB,
  firId: string,
  version: number,
  set: Record<string, unknown> & { at: Date },
): Promise<boolean> {
  const { at, ...rest } = set;
  const r = await db
    .updateTable('crime_details')
    .set(jsonify({ ...rest, updated_at: at, version: version + 1 }, JSON_COLS.crime_details!) as never)
    .where('fir_id', '=', firId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listCrimeDetailsRevisions(db: DB, firId: string) {
  return db
    .selectFrom('crime_details_revision')
    .select(['version', 'author_name', 'saved_at'])
    .where('fir_id', '=', firId)
    .orderBy('version')
    .execute();
}

export async function listCasePersons(db: DB, firId: string) {
  return db
    .selectFrom('case_person as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .selectAll('cp')
    .select([
      'p.name_hi as person_name_hi',
      'p.father_name',
      'p.address',
      'p.phone',
      'p.sex as person_sex',
      'p.age_years as person_age',
      'p.birth_date',
    ])
    .where('cp.fir_id', '=', firId)
    .orderBy('cp.added_at')
    .orderBy('cp.seq')
    .execute();
}
export async function findCasePerson(db: DB, firId: string, id: string) {
  return db
    .selectFrom('case_person as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .selectAll('cp')
    .select(['p.sex as person_sex', 'p.address', 'p.age_years as person_age'])
    .where('cp.fir_id', '=', firId)
    .where('cp.id', '=', id)
    .executeTakeFirst();
}
export async function nextPersonSeq(db: DB, firId: string, role: PersonRole): Promise<number> {
  const r = await db
    .selectFrom('case_person')
    .select(sql<number>`coalesce(max(seq), 0)`.as('m'))
    .where('fir_id', '=', firId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(r.m) + 1;
}
/** The case's person in `role` linked to any of `personIds` (a record and those merged into it). */
export async function findCasePersonByPerson(db: DB, firId: string, personIds: string[], role: PersonRole) {
  return db
    .selectFrom('case_person')
    .selectAll()
    .where('fir_id', '=', firId)
    .where('person_id', 'in', personIds)
    .where('role', '=', role)
    .executeTakeFirst();
}

export async function findPerson(db: DB, stateCode: string, id: string) {
  return db.selectFrom('person').selectAll().where('id', '=', id).where('state_code', '=', stateCode).executeTakeFirst();
}

export async function listStatements(db: DB, firId: string) {
  return db
    .selectFrom('case_statement as s')
    .innerJoin('case_person as cp', 'cp.id', 's.case_person_id')
    .selectAll('s')
    .select(['cp.code as person_code', 'cp.name as person_name', 'cp.role as person_role'])
    .where('s.fir_id', '=', firId)
    .orderBy('s.statement_no')
    .execute();
}
export async function findStatement(db: DB, firId: string, id: string) {
  return db.selectFrom('case_statement').selectAll().where('fir_id', '=', firId).where('id', '=', id).executeTakeFirst();
}

export async function listArrests(db: DB, firId: string) {
  return db
    .selectFrom('arrest_memo as a')
    .innerJoin('case_person as cp', 'cp.id', 'a.case_person_id')
    .selectAll('a')
    .select(['cp.code as person_code', 'cp.name as person_name'])
    .where('a.fir_id', '=', firId)
    .orderBy('a.arrested_at')
    .execute();
}
export async function findArrest(db: DB, firId: string, id: string) {
  return db.selectFrom('arrest_memo').selectAll().where('fir_id', '=', firId).where('id', '=', id).executeTakeFirst();
}
export async function findArrestOf(db: DB, firId: string, casePersonId: string) {
  return db.selectFrom('arrest_memo').selectAll().where('fir_id', '=', firId).where('case_person_id', '=', casePersonId).executeTakeFirst();
}
export async function listArrestEvents(db: DB, firId: string) {
  return db.selectFrom('arrest_event').selectAll().where('fir_id', '=', firId).orderBy('arrest_id').orderBy('seq').execute();
}
export async function lastArrestEvent(db: DB, arrestId: string) {
  return db.selectFrom('arrest_event').selectAll().where('arrest_id', '=', arrestId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function listAppearanceNotices(db: DB, firId: string) {
  return db
    .selectFrom('appearance_notice as n')
    .innerJoin('case_person as cp', 'cp.id', 'n.case_person_id')
    .selectAll('n')
    .select(['cp.code as person_code', 'cp.name as person_name'])
    .where('n.fir_id', '=', firId)
    .orderBy('n.notice_no')
    .execute();
}

export async function listProgressNotices(db: DB, firId: string) {
  return db.selectFrom('progress_notice').selectAll().where('fir_id', '=', firId).orderBy('sent_at').execute();
}

export async function listDocuments(db: DB, firId: string) {
  return db.selectFrom('case_document').selectAll().where('fir_id', '=', firId).orderBy('uploaded_at').execute();
}
export async function findDocument(db: DB, firId: string, id: string) {
  return db.selectFrom('case_document').selectAll().where('fir_id', '=', firId).where('id', '=', id).executeTakeFirst();
}

export async function listSeizures(db: DB, firId: string) {
  return db.selectFrom('seizure_memo').selectAll().where('fir_id', '=', firId).orderBy('memo_no').execute();
}
export async function listItems(db: DB, firId: string) {
  return db
    .selectFrom('seized_item as i')
    .selectAll('i')
    .select([
      sql<string>`coalesce((select m.to_location from custody_move m where m.item_id = i.id order by m.seq desc limit 1), 'seized')`.as(
        'location',
      ),
      sql<string | null>`(select m.place from custody_move m where m.item_id = i.id order by m.seq desc limit 1)`.as('location_place'),
    ])
    .where('i.fir_id', '=', firId)
    .orderBy('i.item_no')
    .execute();
}
/** Locks an item row (no update happens: the custody chain is append-only; the lock serialises moves). */
export async function lockItem(db: DB, firId: string, itemId: string) {
  return db.selectFrom('seized_item').selectAll().where('fir_id', '=', firId).where('id', '=', itemId).forUpdate().executeTakeFirst();
}
export async function findSeizure(db: DB, id: string) {
  return db.selectFrom('seizure_memo').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function lastMove(db: DB, itemId: string) {
  return db.selectFrom('custody_move').selectAll().where('item_id', '=', itemId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}
export async function listMoves(db: DB, firId: string) {
  return db.selectFrom('custody_move').selectAll().where('fir_id', '=', firId).orderBy('item_id').orderBy('seq').execute();
}

export async function replaceIdentifiers(
  db: DB,
  firId: string,
  source: 'crime_details',
  rows: Omit<PropertyIdentifierTable, 'recorded_at'>[],
  at: Date,
) {
  await db.deleteFrom('property_identifier').where('fir_id', '=', firId).where('source', '=', source).execute();
  if (rows.length)
    await db
      .insertInto('property_identifier')
      .values(rows.map((r) => ({ ...r, recorded_at: at })))
      .execute();
}

/** Property identifiers recorded in OTHER cases (any station of the state) with one of the values. */
export async function findIdentifierMatches(db: DB, stateCode: string, firId: string, pairs: { kind: string; value: string }[]) {
  if (!pairs.length) return [];
  return db
    .selectFrom('property_identifier as p')
    .innerJoin('fir as f', 'f.id', 'p.fir_id')
    .innerJoin('station as st', 'st.id', 'p.station_id')
    .select([
      'p.fir_id',
      'p.kind',
      'p.value',
      'p.source',
      'p.description',
      'p.state_code',
      'p.district_id',
      'p.subdivision_id',
      'p.station_id',
      'f.fir_number',
      'st.code as station_code',
      'st.name as station_name',
    ])
    .where('p.state_code', '=', stateCode)
    .where('p.fir_id', '!=', firId)
    .where((eb) => eb.or(pairs.map((x) => eb.and([eb('p.kind', '=', x.kind as never), eb('p.value', '=', x.value)]))))
    .orderBy('p.recorded_at')
    .execute();
}

export async function listForensicRequests(db: DB, firId: string) {
  return db.selectFrom('forensic_request').selectAll().where('fir_id', '=', firId).orderBy('request_no').execute();
}
export async function findForensicRequest(db: DB, firId: string, id: string) {
  return db.selectFrom('forensic_request').selectAll().where('fir_id', '=', firId).where('id', '=', id).executeTakeFirst();
}
export async function listForensicReports(db: DB, firId: string) {
  return db.selectFrom('forensic_report').selectAll().where('fir_id', '=', firId).orderBy('received_at').execute();
}

// ---------------------------------------------------------------------------------------------
// The public board of arrested persons (BNSS 37)
// ---------------------------------------------------------------------------------------------

/**
 * Arrests at a station since `since`, for the public board: never a sensitive case (sexual
 * offences, offences against children) and never a juvenile (JJ Act s.74). Name, address and
 * the offence only.
 */
export async function listPublicArrests(db: DB, stationId: string, since: Date, limit: number) {
  return db
    .selectFrom('arrest_memo as a')
    .innerJoin('case_person as cp', 'cp.id', 'a.case_person_id')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .innerJoin('fir_status as s', 's.fir_id', 'a.fir_id')
    .select(['a.id', 'cp.name', 'p.address', 'a.sections', 'a.arrested_at', 'a.kind'])
    .where('a.station_id', '=', stationId)
    .where('a.arrested_at', '>=', since)
    .where('a.juvenile', '=', false)
    .where('cp.juvenile', '=', false)
    .where('s.sensitive', '=', false)
    .orderBy('a.arrested_at', 'desc')
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Dashboards
// ---------------------------------------------------------------------------------------------

export async function caseCounts(db: DB, scope: Scope, ioId: string | null) {
  const r = await db
    .selectFrom('fir as f')
    .innerJoin('fir_status as s', 's.fir_id', 'f.id')
    .leftJoin('case_state as c', 'c.fir_id', 'f.id')
    .select([
      sql<number>`count(*) filter (where s.stage = 'under_investigation')`.as('under_investigation'),
      sql<number>`count(*) filter (where s.stage = 'registered' and s.transfer_state is null)`.as('awaiting_io'),
      sql<number>`count(*) filter (where s.stage = 'final_report_submitted' and c.substate = 'awaiting_sho_approval')`.as(
        'awaiting_approval',
      ),
      sql<number>`count(*) filter (where c.io_id = ${ioId} and s.stage in ('under_investigation', 'final_report_submitted'))`.as('mine'),
    ])
    .where(scoped(scope, 'f'))
    .executeTakeFirstOrThrow();
  return {
    underInvestigation: Number(r.under_investigation),
    awaitingIo: Number(r.awaiting_io),
    awaitingApproval: Number(r.awaiting_approval),
    mine: Number(r.mine),
  };
}
