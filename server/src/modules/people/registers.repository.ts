/**
 * SQL of history sheets and the person registers (wanted / proclaimed, missing, unidentified).
 * History sheets are read only inside the caller's scope; the registers are state-wide lists
 * for police, written only by the keeping station's chain of command.
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

interface Place {
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
}

export type OffenderClass = 'A' | 'B' | 'rowdy' | 'other';

export interface HistorySheetTable extends Place {
  id: string;
  person_id: string;
  sheet_no: number;
  offender_class: OffenderClass;
  status: 'open' | 'closed';
  open_reason: string;
  modus_operandi: string | null;
  opened_at: Timestamp;
  opened_by: string;
  opened_by_name: string;
  closed_at: Timestamp | null;
  closed_by: string | null;
  closed_by_name: string | null;
  close_reason: string | null;
  version: number;
  updated_at: Timestamp;
}

export type SheetEntryKind = 'surveillance' | 'associate' | 'modus_operandi' | 'note';

export interface HistorySheetEntryTable extends Place {
  id: string;
  sheet_id: string;
  kind: SheetEntryKind;
  text: string;
  associate_person_id: string | null;
  recorded_at: Timestamp;
  recorded_by: string;
  recorded_by_name: string;
}

export type WantedKind = 'wanted' | 'proclaimed_person' | 'proclaimed_offender';
export type WantedStatus = 'active' | 'arrested' | 'surrendered' | 'withdrawn';

export interface WantedPersonTable extends Place {
  id: string;
  person_id: string;
  fir_id: string | null;
  kind: WantedKind;
  court: string | null;
  order_ref: string | null;
  order_date: string | null;
  appear_by: string | null;
  reward_amount: number | null;
  description: string | null;
  status: WantedStatus;
  status_reason: string | null;
  status_at: Timestamp | null;
  created_at: Timestamp;
  created_by: string;
  version: number;
}

export interface MissingPersonTable extends Place {
  id: string;
  person_id: string | null;
  name: string;
  sex: string;
  age_years: number | null;
  height_cm: number | null;
  build: string | null;
  complexion: string | null;
  marks: string[];
  clothing: string | null;
  missing_since: string;
  last_seen_place: string | null;
  reporter_name: string;
  reporter_relation: string | null;
  reporter_phone: string | null;
  reported_at: Timestamp;
  status: 'missing' | 'traced' | 'closed';
  status_at: Timestamp | null;
  status_reason: string | null;
  created_by: string;
  version: number;
  /** The FIR registered on the disappearance, when the report came from one. */
  fir_id: string | null;
}

export interface UnidentifiedPersonTable extends Place {
  id: string;
  kind: 'person' | 'dead_body';
  found_on: string;
  place: string;
  sex: string;
  age_from: number | null;
  age_to: number | null;
  height_cm: number | null;
  build: string | null;
  complexion: string | null;
  marks: string[];
  clothing: string | null;
  description: string | null;
  inquest_ref: string | null;
  status: 'unidentified' | 'identified';
  identified_missing_id: string | null;
  status_at: Timestamp | null;
  created_at: Timestamp;
  created_by: string;
  version: number;
}

export interface MissingMatchTable {
  id: string;
  state_code: string;
  missing_id: string;
  unidentified_id: string;
  missing_district_id: string;
  missing_subdivision_id: string;
  missing_station_id: string;
  found_district_id: string;
  found_subdivision_id: string;
  found_station_id: string;
  score: number;
  reasons: string[];
  status: 'suggested' | 'confirmed' | 'rejected';
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

declare module '../../db/types.js' {
  interface Database {
    history_sheet: HistorySheetTable;
    history_sheet_entry: HistorySheetEntryTable;
    wanted_person: WantedPersonTable;
    missing_person: MissingPersonTable;
    unidentified_person: UnidentifiedPersonTable;
    missing_match: MissingMatchTable;
  }
}

type Db = Kysely<Database>;

const sheetScope = (scope: Scope) =>
  inScope(scope, { state: 'h.state_code', district: 'h.district_id', subdivision: 'h.subdivision_id', station: 'h.station_id' });

function sheetBase(db: Db) {
  return db
    .selectFrom('history_sheet as h')
    .innerJoin('station as s', 's.id', 'h.station_id')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .select([
      'h.id',
      'h.person_id',
      'p.name as person_name',
      'p.name_hi as person_name_hi',
      'p.father_name as person_father_name',
      'h.state_code',
      'h.district_id',
      'h.subdivision_id',
      'h.station_id',
      's.code as station_code',
      's.name as station_name',
      's.name_hi as station_name_hi',
      'h.sheet_no',
      'h.offender_class',
      'h.status',
      'h.open_reason',
      'h.modus_operandi',
      'h.opened_at',
      'h.opened_by_name',
      'h.closed_at',
      'h.closed_by_name',
      'h.close_reason',
      'h.version',
    ]);
}

export type SheetRow = NonNullable<Awaited<ReturnType<ReturnType<typeof sheetBase>['executeTakeFirst']>>>;

/** A history sheet inside the scope, or undefined (outside it answers like a missing one). */
export function findSheet(db: Db, scope: Scope, id: string) {
  return sheetBase(db).where('h.id', '=', id).where(sheetScope(scope)).executeTakeFirst();
}

export function lockSheet(db: Db, scope: Scope, id: string) {
  return db.selectFrom('history_sheet as h').selectAll('h').where('h.id', '=', id).where(sheetScope(scope)).forUpdate().executeTakeFirst();
}

export function listSheets(
  db: Db,
  scope: Scope,
  f: { status?: 'open' | 'closed'; stationId?: string; personIds?: string[]; limit: number; offset: number },
) {
  let q = sheetBase(db).where(sheetScope(scope));
  if (f.status) q = q.where('h.status', '=', f.status);
  if (f.stationId) q = q.where('h.station_id', '=', f.stationId);
  if (f.personIds) q = q.where('h.person_id', 'in', f.personIds.length > 0 ? f.personIds : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('h.opened_at', 'desc').orderBy('h.id').limit(f.limit).offset(f.offset).execute();
}

/** Sheets of these person records anywhere in the state: only the facts that one exists. */
export function sheetFlags(db: Db, stateCode: string, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('history_sheet as h')
    .innerJoin('station as s', 's.id', 'h.station_id')
    .select([
      'h.id',
      'h.person_id',
      'h.status',
      'h.offender_class',
      's.code as station_code',
      's.name as station_name',
      'h.opened_at',
      'h.closed_at',
    ])
    .where('h.state_code', '=', stateCode)
    .where('h.person_id', 'in', personIds)
    .orderBy('h.opened_at', 'desc')
    .execute();
}

export function listSheetEntries(db: Db, sheetId: string) {
  return db
    .selectFrom('history_sheet_entry as e')
    .leftJoin('person as a', 'a.id', 'e.associate_person_id')
    .select(['e.id', 'e.kind', 'e.text', 'e.associate_person_id', 'a.name as associate_name', 'e.recorded_at', 'e.recorded_by_name'])
    .where('e.sheet_id', '=', sheetId)
    .orderBy('e.recorded_at')
    .orderBy('e.id')
    .execute();
}

/** The station's next history-sheet number, under a lock of the station row until commit. */
export async function nextSheetNo(db: Db, stationId: string): Promise<number> {
  await db.selectFrom('station').select('id').where('id', '=', stationId).forUpdate().executeTakeFirst();
  const r = await db
    .selectFrom('history_sheet')
    .select(sql<number>`coalesce(max(sheet_no), 0) + 1`.as('n'))
    .where('station_id', '=', stationId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------------------------------------------------------------------------------------------
// Registers
// ---------------------------------------------------------------------------------------------

export function listWanted(
  db: Db,
  stateCode: string,
  f: { id?: string; kind?: WantedKind; status?: WantedStatus; limit: number; offset: number },
) {
  let q = db
    .selectFrom('wanted_person as w')
    .innerJoin('person as p', 'p.id', 'w.person_id')
    .innerJoin('station as s', 's.id', 'w.station_id')
    .leftJoin('fir as f', 'f.id', 'w.fir_id')
    .select([
      'w.id',
      'w.person_id',
      'p.name as person_name',
      'p.name_hi as person_name_hi',
      'p.father_name as person_father_name',
      'p.sex as person_sex',
      'p.birth_year as person_birth_year',
      'w.fir_id',
      'f.fir_number',
      'w.station_id',
      'w.district_id',
      'w.subdivision_id',
      'w.state_code',
      's.code as station_code',
      's.name as station_name',
      's.name_hi as station_name_hi',
      'w.kind',
      'w.court',
      'w.order_ref',
      'w.order_date',
      'w.appear_by',
      'w.reward_amount',
      'w.description',
      'w.status',
      'w.status_reason',
      'w.status_at',
      'w.created_at',
      'w.version',
    ])
    .where('w.state_code', '=', stateCode);
  if (f.id) q = q.where('w.id', '=', f.id);
  if (f.kind) q = q.where('w.kind', '=', f.kind);
  if (f.status) q = q.where('w.status', '=', f.status);
  return q.orderBy('w.created_at', 'desc').orderBy('w.id').limit(f.limit).offset(f.offset).execute();
}

export type WantedRow = Awaited<ReturnType<typeof listWanted>>[number];

export function findWanted(db: Db, stateCode: string, id: string) {
  return db.selectFrom('wanted_person').selectAll().where('id', '=', id).where('state_code', '=', stateCode).executeTakeFirst();
}

export function listMissing(db: Db, stateCode: string, f: { status?: string; scope?: Scope; limit: number; offset: number }) {
  let q = db
    .selectFrom('missing_person as m')
    .innerJoin('station as s', 's.id', 'm.station_id')
    .select([
      'm.id',
      'm.person_id',
      'm.name',
      'm.sex',
      'm.age_years',
      'm.height_cm',
      'm.build',
      'm.complexion',
      'm.marks',
      'm.clothing',
      'm.missing_since',
      'm.last_seen_place',
      'm.reporter_name',
      'm.reporter_relation',
      'm.reporter_phone',
      'm.reported_at',
      'm.fir_id',
      'm.status',
      'm.status_at',
      'm.status_reason',
      'm.state_code',
      'm.district_id',
      'm.subdivision_id',
      'm.station_id',
      's.code as station_code',
      's.name as station_name',
      's.name_hi as station_name_hi',
      'm.version',
      sql<number>`(select count(*) from missing_match x where x.missing_id = m.id and x.status <> 'rejected')`.as('matches'),
    ])
    .where('m.state_code', '=', stateCode);
  if (f.status) q = q.where('m.status', '=', f.status as 'missing');
  if (f.scope)
    q = q.where(
      inScope(f.scope, { state: 'm.state_code', district: 'm.district_id', subdivision: 'm.subdivision_id', station: 'm.station_id' }),
    );
  return q.orderBy('m.reported_at', 'desc').orderBy('m.id').limit(f.limit).offset(f.offset).execute();
}

export type MissingRow = Awaited<ReturnType<typeof listMissing>>[number];

export function findMissing(db: Db, stateCode: string, id: string) {
  return db.selectFrom('missing_person').selectAll().where('id', '=', id).where('state_code', '=', stateCode).executeTakeFirst();
}

export function listUnidentified(
  db: Db,
  stateCode: string,
  f: { status?: string; kind?: string; scope?: Scope; limit: number; offset: number },
) {
  let q = db
    .selectFrom('unidentified_person as u')
    .innerJoin('station as s', 's.id', 'u.station_id')
    .select([
      'u.id',
      'u.kind',
      'u.found_on',
      'u.place',
      'u.sex',
      'u.age_from',
      'u.age_to',
      'u.height_cm',
      'u.build',
      'u.complexion',
      'u.marks',
      'u.clothing',
      'u.description',
      'u.inquest_ref',
      'u.status',
      'u.identified_missing_id',
      'u.state_code',
      'u.district_id',
      'u.subdivision_id',
      'u.station_id',
      's.code as station_code',
      's.name as station_name',
      's.name_hi as station_name_hi',
      'u.created_at',
      'u.version',
      sql<number>`(select count(*) from missing_match x where x.unidentified_id = u.id and x.status <> 'rejected')`.as('matches'),
    ])
    .where('u.state_code', '=', stateCode);
  if (f.status) q = q.where('u.status', '=', f.status as 'unidentified');
  if (f.kind) q = q.where('u.kind', '=', f.kind as 'person');
  if (f.scope)
    q = q.where(
      inScope(f.scope, { state: 'u.state_code', district: 'u.district_id', subdivision: 'u.subdivision_id', station: 'u.station_id' }),
    );
  return q.orderBy('u.found_on', 'desc').orderBy('u.id').limit(f.limit).offset(f.offset).execute();
}

export type UnidentifiedRow = Awaited<ReturnType<typeof listUnidentified>>[number];

export function findUnidentified(db: Db, stateCode: string, id: string) {
  return db.selectFrom('unidentified_person').selectAll().where('id', '=', id).where('state_code', '=', stateCode).executeTakeFirst();
}

/** Open unidentified persons/bodies that could be the missing person (sex and dates only; the score decides). */
export function unidentifiedCandidates(db: Db, stateCode: string, sex: string, from: string, to: string) {
  let q = db
    .selectFrom('unidentified_person')
    .selectAll()
    .where('state_code', '=', stateCode)
    .where('status', '=', 'unidentified')
    .where('found_on', '>=', from)
    .where('found_on', '<=', to);
  if (sex !== 'unknown') q = q.where('sex', 'in', [sex, 'unknown']);
  return q.limit(2000).execute();
}

export function missingCandidates(db: Db, stateCode: string, sex: string, from: string, to: string) {
  let q = db
    .selectFrom('missing_person')
    .selectAll()
    .where('state_code', '=', stateCode)
    .where('status', '=', 'missing')
    .where('missing_since', '>=', from)
    .where('missing_since', '<=', to);
  if (sex !== 'unknown') q = q.where('sex', 'in', [sex, 'unknown']);
  return q.limit(2000).execute();
}

function matchBase(db: Db) {
  return db
    .selectFrom('missing_match as x')
    .innerJoin('missing_person as m', 'm.id', 'x.missing_id')
    .innerJoin('unidentified_person as u', 'u.id', 'x.unidentified_id')
    .innerJoin('station as ms', 'ms.id', 'x.missing_station_id')
    .innerJoin('station as fs', 'fs.id', 'x.found_station_id')
    .select([
      'x.id',
      'x.missing_id',
      'x.unidentified_id',
      'x.score',
      'x.reasons',
      'x.status',
      'x.created_at',
      'x.decided_at',
      'x.missing_station_id',
      'x.found_station_id',
      'm.name as missing_name',
      'm.sex as missing_sex',
      'm.age_years as missing_age',
      'm.missing_since',
      'ms.name as missing_station_name',
      'u.kind as found_kind',
      'u.found_on',
      'u.place as found_place',
      'u.age_from',
      'u.age_to',
      'fs.name as found_station_name',
    ]);
}

export type MatchRow = Awaited<ReturnType<ReturnType<typeof matchBase>['execute']>>[number];

export function listMatchesFor(db: Db, stateCode: string, by: { missingId?: string; unidentifiedId?: string }) {
  let q = matchBase(db).where('x.state_code', '=', stateCode);
  if (by.missingId) q = q.where('x.missing_id', '=', by.missingId);
  if (by.unidentifiedId) q = q.where('x.unidentified_id', '=', by.unidentifiedId);
  return q.orderBy('x.score', 'desc').orderBy('x.id').execute();
}

/** Matches whose missing or found side lies in the scope: both stations see them. */
export function listMatchesInScope(db: Db, scope: Scope, status?: string) {
  const a = inScope(scope, {
    state: 'x.state_code',
    district: 'x.missing_district_id',
    subdivision: 'x.missing_subdivision_id',
    station: 'x.missing_station_id',
  });
  const b = inScope(scope, {
    state: 'x.state_code',
    district: 'x.found_district_id',
    subdivision: 'x.found_subdivision_id',
    station: 'x.found_station_id',
  });
  let q = matchBase(db).where((eb) => eb.or([a, b]));
  if (status) q = q.where('x.status', '=', status as 'suggested');
  return q.orderBy('x.created_at', 'desc').orderBy('x.score', 'desc').limit(200).execute();
}

export function lockMatch(db: Db, scope: Scope, id: string) {
  const a = inScope(scope, {
    state: 'x.state_code',
    district: 'x.missing_district_id',
    subdivision: 'x.missing_subdivision_id',
    station: 'x.missing_station_id',
  });
  const b = inScope(scope, {
    state: 'x.state_code',
    district: 'x.found_district_id',
    subdivision: 'x.found_subdivision_id',
    station: 'x.found_station_id',
  });
  return db
    .selectFrom('missing_match as x')
    .selectAll('x')
    .where('x.id', '=', id)
    .where((eb) => eb.or([a, b]))
    .forUpdate()
    .executeTakeFirst();
}
