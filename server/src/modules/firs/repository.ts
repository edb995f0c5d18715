import { sql, type ColumnType, type Expression, type Kysely, type SqlBool, type Updateable } from 'kysely';
import { executePrepared } from '../../db/prepared.js';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';

type Timestamp = ColumnType<Date, Date | string, never>;
type MutableTimestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, never>;

export interface FirSerialTable {
  station_id: string;
  year: number;
  last: number;
}

export interface FirTable {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  year: number;
  serial: number;
  fir_number: string;
  registered_at: Timestamp;
  registered_by: string | null;
  registering_officer_name: string;
  registering_officer_rank: string | null;
  gd_entry_id: string;
  information_received_at: Timestamp;
  information_type: 'written' | 'oral' | 'electronic';
  occurrence_from: Timestamp;
  occurrence_to: Timestamp | null;
  offence_date: string;
  place: string;
  place_lat: number | null;
  place_lng: number | null;
  distance_km: number | null;
  direction: string | null;
  beat_id: string | null;
  complainant: Json;
  victims: Json;
  accused: Json;
  delay_reason: string | null;
  properties: Json;
  property_total_value: number;
  inquest_report_no: string | null;
  narrative: string;
  action_taken: string;
  zero_fir: boolean;
  jurisdiction_station_id: string | null;
  origin_fir_id: string | null;
  verification_code: string;
  created_at: Timestamp;
}

export interface FirSectionTable {
  fir_id: string;
  position: number;
  act: string;
  section: string;
  title_en: string | null;
  title_hi: string | null;
  sensitive: boolean;
}

export interface FirAddendumTable {
  id: string;
  fir_id: string;
  state_code: string;
  station_id: string;
  seq: number;
  reason: string;
  text: string;
  corrections: Json;
  author_id: string | null;
  author_name: string;
  author_rank: string | null;
  created_at: Timestamp;
}

export interface FirStatusTable {
  fir_id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  stage: string;
  stage_changed_at: MutableTimestamp;
  sensitive: boolean;
  sensitive_by_section: boolean;
  sensitive_marked_by: string | null;
  sensitive_marked_at: MutableTimestamp | null;
  sensitive_reason: string | null;
  transfer_state: 'pending' | 'acknowledged' | null;
  transfer_to_station_id: string | null;
  transfer_to_district_id: string | null;
  transfer_to_subdivision_id: string | null;
  transfer_reason: string | null;
  transfer_requested_at: MutableTimestamp | null;
  transfer_requested_by: string | null;
  transfer_gd_entry_id: string | null;
  acknowledged_at: MutableTimestamp | null;
  acknowledged_by: string | null;
  transferred_fir_id: string | null;
  version: number;
  updated_at: MutableTimestamp;
}

declare module '../../db/types.js' {
  interface Database {
    fir_serial: FirSerialTable;
    fir: FirTable;
    fir_section: FirSectionTable;
    fir_addendum: FirAddendumTable;
    fir_status: FirStatusTable;
  }
}

export interface FirSectionRow {
  act: string;
  section: string;
  titleEn: string | null;
  titleHi: string | null;
  sensitive: boolean;
}
export interface FirAddendumRow {
  id: string;
  seq: number;
  reason: string;
  text: string;
  corrections: unknown;
  authorId: string | null;
  authorName: string;
  authorRank: string | null;
  createdAt: string;
}

/** An FIR as one query reads it: the immutable row, its status, names of the places it cites, its sections and addenda. */
export interface FirRecord {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  year: number;
  serial: number;
  fir_number: string;
  registered_at: Date;
  registered_by: string | null;
  registering_officer_name: string;
  registering_officer_rank: string | null;
  gd_entry_id: string;
  information_received_at: Date;
  information_type: 'written' | 'oral' | 'electronic';
  occurrence_from: Date;
  occurrence_to: Date | null;
  offence_date: string;
  place: string;
  place_lat: number | null;
  place_lng: number | null;
  distance_km: number | null;
  direction: string | null;
  beat_id: string | null;
  complainant: unknown;
  victims: unknown;
  accused: unknown;
  delay_reason: string | null;
  properties: unknown;
  property_total_value: number;
  inquest_report_no: string | null;
  narrative: string;
  action_taken: string;
  zero_fir: boolean;
  jurisdiction_station_id: string | null;
  origin_fir_id: string | null;
  verification_code: string;
  // status
  stage: string;
  stage_changed_at: Date;
  sensitive: boolean;
  sensitive_by_section: boolean;
  sensitive_reason: string | null;
  transfer_state: 'pending' | 'acknowledged' | null;
  transfer_to_station_id: string | null;
  transfer_to_district_id: string | null;
  transfer_to_subdivision_id: string | null;
  transfer_reason: string | null;
  transfer_requested_at: Date | null;
  acknowledged_at: Date | null;
  transferred_fir_id: string | null;
  version: number;
  // joined names
  station_code: string;
  station_name: string;
  station_name_hi: string;
  station_address: string | null;
  station_phone: string | null;
  district_name: string;
  district_name_hi: string;
  beat_code: string | null;
  beat_name: string | null;
  gd_entry_no: number;
  gd_day: string;
  gd_recorded_at: Date;
  jurisdiction_station_code: string | null;
  jurisdiction_station_name: string | null;
  transfer_to_station_code: string | null;
  transfer_to_station_name: string | null;
  origin_fir_number: string | null;
  origin_station_code: string | null;
  transferred_fir_number: string | null;
  transferred_station_code: string | null;
  sections: FirSectionRow[];
  addenda: FirAddendumRow[];
}

/**
 * Where an FIR is visible: the registering station's chain of command, and, once a transfer
 * has been sent, the receiving station's (it must read what it is asked to accept).
 */
export function firVisible(scope: Scope): Expression<SqlBool> {
  const own = inScope(scope, {
    state: 'f.state_code',
    district: 'f.district_id',
    subdivision: 'f.subdivision_id',
    station: 'f.station_id',
  });
  const target = inScope(scope, {
    state: 's.state_code',
    district: 's.transfer_to_district_id',
    subdivision: 's.transfer_to_subdivision_id',
    station: 's.transfer_to_station_id',
  });
  return sql<SqlBool>`(${own} or (s.transfer_state is not null and ${target}))`;
}

/**
 * The next FIR serial of a station's year, in the registering transaction. The upsert holds the
 * counter row's lock until commit, so concurrent registrations queue and get 1, 2, 3 ... and a
 * rolled-back registration gives its number back: no gaps, no duplicates.
 */
export async function nextFirSerial(db: Kysely<Database>, stationId: string, year: number): Promise<number> {
  const r = await db
    .insertInto('fir_serial')
    .values({ station_id: stationId, year, last: 1 })
    .onConflict((oc) => oc.columns(['station_id', 'year']).doUpdateSet({ last: sql<number>`fir_serial.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(r.last);
}

export type NewFirRow = Omit<
  FirTable,
  | 'complainant'
  | 'victims'
  | 'accused'
  | 'properties'
  | 'registered_at'
  | 'information_received_at'
  | 'occurrence_from'
  | 'occurrence_to'
  | 'created_at'
> & {
  registered_at: Date;
  information_received_at: Date;
  occurrence_from: Date;
  occurrence_to: Date | null;
  created_at: Date;
  complainant: unknown;
  victims: unknown;
  accused: unknown;
  properties: unknown;
};

export async function insertFir(
  db: Kysely<Database>,
  row: NewFirRow,
  sections: Omit<FirSectionTable, 'fir_id'>[],
  status: { stage: string; sensitive: boolean; sensitive_by_section: boolean; at: Date },
): Promise<void> {
  await db
    .insertInto('fir')
    .values({
      ...row,
      complainant: JSON.stringify(row.complainant),
      victims: JSON.stringify(row.victims),
      accused: JSON.stringify(row.accused),
      properties: JSON.stringify(row.properties),
    })
    .execute();
  await db
    .insertInto('fir_section')
    .values(sections.map((s) => ({ ...s, fir_id: row.id })))
    .execute();
  await db
    .insertInto('fir_status')
    .values({
      fir_id: row.id,
      state_code: row.state_code,
      district_id: row.district_id,
      subdivision_id: row.subdivision_id,
      station_id: row.station_id,
      stage: status.stage,
      stage_changed_at: status.at,
      sensitive: status.sensitive,
      sensitive_by_section: status.sensitive_by_section,
      sensitive_marked_by: null,
      sensitive_marked_at: null,
      sensitive_reason: null,
      transfer_state: null,
      transfer_to_station_id: null,
      transfer_to_district_id: null,
      transfer_to_subdivision_id: null,
      transfer_reason: null,
      transfer_requested_at: null,
      transfer_requested_by: null,
      transfer_gd_entry_id: null,
      acknowledged_at: null,
      acknowledged_by: null,
      transferred_fir_id: null,
      version: 1,
      updated_at: status.at,
    })
    .execute();
}

const sectionsJson = sql<FirSectionRow[]>`coalesce((
  select json_agg(json_build_object('act', x.act, 'section', x.section, 'titleEn', x.title_en, 'titleHi', x.title_hi, 'sensitive', x.sensitive) order by x.position)
    from fir_section x where x.fir_id = f.id), '[]'::json)`;
const addendaJson = sql<FirAddendumRow[]>`coalesce((
  select json_agg(json_build_object('id', a.id, 'seq', a.seq, 'reason', a.reason, 'text', a.text, 'corrections', a.corrections,
                                    'authorId', a.author_id, 'authorName', a.author_name, 'authorRank', a.author_rank, 'createdAt', a.created_at) order by a.seq)
    from fir_addendum a where a.fir_id = f.id), '[]'::json)`;

function firQuery(db: Kysely<Database>) {
  return db
    .selectFrom('fir as f')
    .innerJoin('fir_status as s', 's.fir_id', 'f.id')
    .innerJoin('station as st', 'st.id', 'f.station_id')
    .innerJoin('district as d', 'd.id', 'f.district_id')
    .innerJoin('gd_entry as g', 'g.id', 'f.gd_entry_id')
    .leftJoin('beat as b', 'b.id', 'f.beat_id')
    .leftJoin('station as js', 'js.id', 'f.jurisdiction_station_id')
    .leftJoin('station as ts', 'ts.id', 's.transfer_to_station_id')
    .leftJoin('fir as of', 'of.id', 'f.origin_fir_id')
    .leftJoin('station as ost', 'ost.id', 'of.station_id')
    .leftJoin('fir as tf', 'tf.id', 's.transferred_fir_id')
    .leftJoin('station as tst', 'tst.id', 'tf.station_id')
    .selectAll('f')
    .select([
      's.stage',
      's.stage_changed_at',
      's.sensitive',
      's.sensitive_by_section',
      's.sensitive_reason',
      's.transfer_state',
      's.transfer_to_station_id',
      's.transfer_to_district_id',
      's.transfer_to_subdivision_id',
      's.transfer_reason',
      's.transfer_requested_at',
      's.acknowledged_at',
      's.transferred_fir_id',
      's.version',
      'st.code as station_code',
      'st.name as station_name',
      'st.name_hi as station_name_hi',
      'st.address as station_address',
      'st.phone as station_phone',
      'd.name as district_name',
      'd.name_hi as district_name_hi',
      'b.code as beat_code',
      'b.name as beat_name',
      'g.entry_no as gd_entry_no',
      'g.day as gd_day',
      'g.recorded_at as gd_recorded_at',
      'js.code as jurisdiction_station_code',
      'js.name as jurisdiction_station_name',
      'ts.code as transfer_to_station_code',
      'ts.name as transfer_to_station_name',
      'of.fir_number as origin_fir_number',
      'ost.code as origin_station_code',
      'tf.fir_number as transferred_fir_number',
      'tst.code as transferred_station_code',
    ])
    .select([sectionsJson.as('sections'), addendaJson.as('addenda')]);
}

/** One FIR with its sections and addenda, in one query; undefined when missing or outside the scope. */
export async function findFir(db: Kysely<Database>, scope: Scope, id: string): Promise<FirRecord | undefined> {
  return (await executePrepared(db, firQuery(db).where('f.id', '=', id).where(firVisible(scope))))[0] as FirRecord | undefined;
}

/** Unscoped: for public verification (the caller shows only the station, number and date). */
export async function findFirByVerificationCode(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('fir as f')
    .innerJoin('fir_status as s', 's.fir_id', 'f.id')
    .innerJoin('station as st', 'st.id', 'f.station_id')
    .innerJoin('district as d', 'd.id', 'f.district_id')
    .select([
      'f.id',
      'f.fir_number',
      'f.year',
      'f.registered_at',
      'f.state_code',
      'st.code as station_code',
      'st.name as station_name',
      'st.name_hi as station_name_hi',
      'd.name as district_name',
      'd.name_hi as district_name_hi',
      's.sensitive',
    ])
    .where('f.verification_code', '=', code)
    .executeTakeFirst();
}

export interface FirFilter {
  stationId?: string;
  year?: number;
  from?: Date;
  to?: Date;
  stage?: string;
  act?: string;
  section?: string;
  q?: string;
  transfer?: 'pending_in' | 'pending_out';
  sensitive?: boolean;
  limit: number;
  offset: number;
}

function listBase(db: Kysely<Database>, scope: Scope, f: FirFilter) {
  let q = db.selectFrom('fir as f').innerJoin('fir_status as s', 's.fir_id', 'f.id');
  const own = inScope(scope, {
    state: 'f.state_code',
    district: 'f.district_id',
    subdivision: 'f.subdivision_id',
    station: 'f.station_id',
  });
  if (f.transfer === 'pending_in') {
    q = q.where('s.transfer_state', '=', 'pending').where(
      inScope(scope, {
        state: 's.state_code',
        district: 's.transfer_to_district_id',
        subdivision: 's.transfer_to_subdivision_id',
        station: 's.transfer_to_station_id',
      }),
    );
    if (f.stationId) q = q.where('s.transfer_to_station_id', '=', f.stationId);
  } else {
    q = q.where(own);
    if (f.transfer === 'pending_out') q = q.where('s.transfer_state', '=', 'pending');
    if (f.stationId) q = q.where('f.station_id', '=', f.stationId);
  }
  if (f.year) q = q.where('f.year', '=', f.year);
  if (f.from) q = q.where('f.registered_at', '>=', f.from);
  if (f.to) q = q.where('f.registered_at', '<', f.to);
  if (f.stage) q = q.where('s.stage', '=', f.stage);
  if (f.sensitive !== undefined) q = q.where('s.sensitive', '=', f.sensitive);
  if (f.section) {
    const section = f.section.replace(/\s+/g, '').toUpperCase();
    const act = f.act?.toUpperCase();
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('fir_section as x')
          .select(sql`1`.as('one'))
          .whereRef('x.fir_id', '=', 'f.id')
          .where(sql<SqlBool>`upper(x.section) = ${section}`)
          .$if(!!act, (w) => w.where(sql<SqlBool>`upper(x.act) = ${act}`)),
      ),
    );
  }
  if (f.q) {
    const term = f.q.trim();
    const like = `%${term.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) =>
      eb.or([eb('f.fir_number', '=', term), eb(sql`lower(f.complainant->>'name')`, 'like', like), eb(sql`lower(f.place)`, 'like', like)]),
    );
  }
  return q;
}

export async function listFirs(db: Kysely<Database>, scope: Scope, f: FirFilter, countCap = LIST_COUNT_CAP) {
  const [rows, total] = await Promise.all([
    listBase(db, scope, f)
      .innerJoin('station as st', 'st.id', 'f.station_id')
      .leftJoin('station as ts', 'ts.id', 's.transfer_to_station_id')
      .select([
        'f.id',
        'f.fir_number',
        'f.year',
        'f.serial',
        'f.station_id',
        'st.code as station_code',
        'st.name as station_name',
        'f.registered_at',
        'f.occurrence_from',
        'f.place',
        'f.zero_fir',
        'f.origin_fir_id',
        sql<string>`f.complainant->>'name'`.as('complainant_name'),
        's.stage',
        's.sensitive',
        's.transfer_state',
        's.transfer_to_station_id',
        'ts.code as transfer_to_station_code',
        's.transferred_fir_id',
        's.version',
        sectionsJson.as('sections'),
      ])
      .orderBy('f.registered_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    cappedCount(db, scope, f, countCap),
  ]);
  return { rows, ...total };
}

/** The id of a station's FIR by year and serial (its unique key), unscoped: the caller scopes it. */
export async function findFirIdByNumber(db: Kysely<Database>, stateCode: string, stationId: string, year: number, serial: number) {
  const [hit] = await executePrepared(
    db,
    db
      .selectFrom('fir')
      .select('id')
      .where('state_code', '=', stateCode)
      .where('station_id', '=', stationId)
      .where('year', '=', year)
      .where('serial', '=', serial),
  );
  return hit?.id;
}

/** The list's total, counted up to a cap: an exact count reads every FIR of a busy station on every page. */
async function cappedCount(db: Kysely<Database>, scope: Scope, f: FirFilter, cap: number) {
  const r = await db
    .selectFrom(
      listBase(db, scope, f)
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('c'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  return { total: Math.min(n, cap), totalCapped: n > cap };
}

/** A timestamptz as JavaScript's Date#toJSON writes it (UTC, milliseconds, Z). */
const isoJson = (col: string) => sql`to_char(${sql.ref(col)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The same page as `listFirs` + `firListItem`, built by PostgreSQL as JSON text: one string per
 * row, so the route sends the page without parsing 200 rows into objects and serialising them
 * again (that was most of the route's CPU: row parsing, GC and JSON.stringify). Kept field for
 * field equal to `firListItem` by a test.
 */
export async function listFirsJson(db: Kysely<Database>, scope: Scope, f: FirFilter, countCap = LIST_COUNT_CAP) {
  const item = sql<string>`json_build_object(
      'id', f.id, 'firNumber', f.fir_number, 'year', f.year, 'serial', f.serial,
      'stationId', f.station_id, 'stationCode', st.code, 'stationName', st.name,
      'registeredAt', ${isoJson('f.registered_at')}, 'occurrenceFrom', ${isoJson('f.occurrence_from')}, 'place', f.place,
      'sections', coalesce((select json_agg(x.act || ' ' || x.section order by x.position) from fir_section x where x.fir_id = f.id), '[]'::json),
      'complainantName', case when s.sensitive then null else f.complainant->>'name' end,
      'stage', s.stage, 'sensitive', s.sensitive, 'zeroFir', f.zero_fir, 'receivedOnTransfer', f.origin_fir_id is not null,
      'transferState', s.transfer_state, 'transferToStationId', s.transfer_to_station_id, 'transferToStationCode', ts.code,
      'transferredFirId', s.transferred_fir_id, 'version', s.version)::text`;
  const [rows, total] = await Promise.all([
    listBase(db, scope, f)
      .innerJoin('station as st', 'st.id', 'f.station_id')
      .leftJoin('station as ts', 'ts.id', 's.transfer_to_station_id')
      .select(item.as('j'))
      .orderBy('f.registered_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    cappedCount(db, scope, f, countCap),
  ]);
  return { itemsJson: `[${rows.map((r) => r.j).join(',')}]`, ...total };
}

/** A list's total is counted exactly up to this many; beyond it the answer says "more than". */
export const LIST_COUNT_CAP = 1000;

/** Locks an FIR's status row for a change inside the caller's transaction. */
export async function lockStatus(db: Kysely<Database>, firId: string) {
  return db.selectFrom('fir_status').selectAll().where('fir_id', '=', firId).forUpdate().executeTakeFirst();
}

/** Optimistic update: zero rows means someone changed it first (the caller answers 412). */
export async function updateStatus(
  db: Kysely<Database>,
  firId: string,
  version: number,
  set: Omit<Updateable<FirStatusTable>, 'fir_id' | 'version'>,
): Promise<boolean> {
  const r = await db
    .updateTable('fir_status')
    .set({ ...set, version: version + 1 })
    .where('fir_id', '=', firId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAddendum(
  db: Kysely<Database>,
  row: Omit<FirAddendumTable, 'seq' | 'corrections' | 'created_at'> & { corrections: unknown; created_at: Date },
) {
  const r = await db
    .selectFrom('fir_addendum')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('fir_id', '=', row.fir_id)
    .executeTakeFirst();
  const seq = Number(r?.m ?? 0) + 1;
  await db
    .insertInto('fir_addendum')
    .values({ ...row, seq, corrections: JSON.stringify(row.corrections) })
    .execute();
  return seq;
}

/** Counts for dashboards, within the scope. */
export async function firCounts(db: Kysely<Database>, scope: Scope, since: { today: Date; year: number }) {
  const own = inScope(scope, {
    state: 'f.state_code',
    district: 'f.district_id',
    subdivision: 'f.subdivision_id',
    station: 'f.station_id',
  });
  const r = await db
    .selectFrom('fir as f')
    .innerJoin('fir_status as s', 's.fir_id', 'f.id')
    .select([
      sql<number>`count(*) filter (where f.registered_at >= ${since.today})`.as('today'),
      sql<number>`count(*) filter (where f.year = ${since.year})`.as('year'),
      sql<number>`count(*) filter (where s.transfer_state = 'pending')`.as('pending_out'),
    ])
    .where(own)
    .executeTakeFirstOrThrow();
  const pin = await db
    .selectFrom('fir_status as s')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.transfer_state', '=', 'pending')
    .where(
      inScope(scope, {
        state: 's.state_code',
        district: 's.transfer_to_district_id',
        subdivision: 's.transfer_to_subdivision_id',
        station: 's.transfer_to_station_id',
      }),
    )
    .executeTakeFirstOrThrow();
  return { today: Number(r.today), year: Number(r.year), pendingOut: Number(r.pending_out), pendingIn: Number(pin.n) };
}

/** Non-sensitive FIRs of a station registered in [from, to): the public list's data (date, sections, stage only). */
export async function listPublicFirRows(db: Kysely<Database>, stationId: string, from: Date, to: Date, limit: number, offset: number) {
  return db
    .selectFrom('fir as f')
    .innerJoin('fir_status as s', 's.fir_id', 'f.id')
    .select(['f.fir_number', 'f.year', 'f.registered_at', 's.stage', 's.stage_changed_at', sectionsJson.as('sections')])
    .where('f.station_id', '=', stationId)
    .where('s.sensitive', '=', false)
    .where('f.registered_at', '>=', from)
    .where('f.registered_at', '<', to)
    .orderBy('f.registered_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}
