/**
 * SQL of the search indexes (migration 0052): vehicles, property with identifiers, and case
 * features for modus-operandi search. They are state-wide indexes for police; a district filter
 * is applied only after the service has checked it lies in the caller's scope.
 */
import { sql, type ColumnType, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/types.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type VehicleStatus = 'stolen' | 'recovered' | 'seized' | 'involved';
export type PropertyStatus = 'stolen' | 'lost' | 'recovered' | 'seized' | 'involved';
export type TimeBand = 'night' | 'morning' | 'afternoon' | 'evening';

interface Place {
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
}

export interface VehicleIndexTable extends Place {
  id: string;
  source: string;
  source_id: string;
  fir_id: string | null;
  fir_number: string | null;
  registration: string | null;
  registration_norm: string | null;
  chassis_norm: string | null;
  engine_norm: string | null;
  vehicle_type: string | null;
  make: string | null;
  model: string | null;
  colour: string | null;
  description: string | null;
  status: VehicleStatus;
  status_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PropertyIndexTable extends Place {
  id: string;
  source: string;
  source_id: string;
  fir_id: string | null;
  fir_number: string | null;
  category: string;
  description: string;
  identifiers: string[];
  value: number | null;
  status: PropertyStatus;
  status_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseFeatureTable extends Place {
  fir_id: string;
  fir_number: string;
  crime_head: string | null;
  mo_codes: string[];
  place_type: string | null;
  time_band: TimeBand | null;
  occurred_at: Timestamp | null;
  lat: number | null;
  lng: number | null;
  beat_id: string | null;
  area: string | null;
  area_norm: string | null;
  is_open: boolean;
  updated_at: Timestamp;
}

declare module '../../db/types.js' {
  interface Database {
    vehicle_index: VehicleIndexTable;
    property_index: PropertyIndexTable;
    case_feature: CaseFeatureTable;
  }
}

type Db = Kysely<Database>;

export async function upsertVehicle(db: Db, row: Insertable<VehicleIndexTable>) {
  const { id: _id, created_at: _c, source: _s, source_id: _si, ...update } = row;
  await db
    .insertInto('vehicle_index')
    .values(row)
    .onConflict((oc) => oc.columns(['source', 'source_id']).doUpdateSet(update))
    .execute();
}

export async function upsertProperty(db: Db, row: Insertable<PropertyIndexTable>) {
  const { id: _id, created_at: _c, source: _s, source_id: _si, ...update } = row;
  await db
    .insertInto('property_index')
    .values(row)
    .onConflict((oc) => oc.columns(['source', 'source_id']).doUpdateSet(update))
    .execute();
}

export async function upsertCaseFeature(db: Db, row: Insertable<CaseFeatureTable>) {
  const { fir_id: _f, ...update } = row;
  await db
    .insertInto('case_feature')
    .values(row)
    .onConflict((oc) => oc.column('fir_id').doUpdateSet(update))
    .execute();
}

const vehicleColumns = [
  'v.id',
  'v.source',
  'v.fir_id',
  'v.fir_number',
  'v.registration',
  'v.registration_norm',
  'v.chassis_norm',
  'v.engine_norm',
  'v.vehicle_type',
  'v.make',
  'v.model',
  'v.colour',
  'v.description',
  'v.status',
  'v.status_at',
  'v.station_id',
  'v.district_id',
  's.code as station_code',
  's.name as station_name',
  's.name_hi as station_name_hi',
] as const;

export interface VehicleQuery {
  stateCode: string;
  /** Letters and digits only, lower case; matched exactly against registration, chassis and engine numbers, and as part of a registration. */
  ident?: string;
  /** Words every one of which must name the make, model, colour or type. */
  words?: string[];
  status?: VehicleStatus;
  districtId?: string;
  limit: number;
}

/**
 * Vehicles ranked: an exact registration, chassis or engine number first (1.0), then a
 * registration containing the typed digits/letters (0.7 + similarity), then description words.
 */
export function searchVehicles(db: Db, f: VehicleQuery) {
  const conds: ReturnType<typeof sql<SqlBool>>[] = [];
  const rank: ReturnType<typeof sql<number>>[] = [];
  if (f.ident) {
    const like = `%${f.ident}%`;
    conds.push(
      sql<SqlBool>`(v.registration_norm = ${f.ident} or v.chassis_norm = ${f.ident} or v.engine_norm = ${f.ident} or v.registration_norm like ${like})`,
    );
    rank.push(sql<number>`case when v.registration_norm = ${f.ident} or v.chassis_norm = ${f.ident} or v.engine_norm = ${f.ident} then 1.0
      when v.registration_norm like ${like} then 0.7 + 0.2 * similarity(v.registration_norm, ${f.ident}) else 0 end`);
  }
  for (const w of f.words ?? []) {
    conds.push(
      sql<SqlBool>`(lower(v.make) = ${w} or lower(v.model) = ${w} or lower(v.colour) = ${w} or lower(v.vehicle_type) = ${w} or lower(v.description) like ${`%${w}%`})`,
    );
  }
  if (conds.length === 0) return Promise.resolve([]);
  const rankExpr = rank.length > 0 ? rank[0]! : sql<number>`0.5`;
  let q = db
    .selectFrom('vehicle_index as v')
    .innerJoin('station as s', 's.id', 'v.station_id')
    .select([...vehicleColumns, rankExpr.as('rank')])
    .where('v.state_code', '=', f.stateCode);
  q =
    f.ident && (f.words ?? []).length > 0
      ? q.where(sql<SqlBool>`(${conds[0]!} or (${sql.join(conds.slice(1), sql` and `)}))`)
      : q.where(sql<SqlBool>`${sql.join(conds, sql` and `)}`);
  if (f.status) q = q.where('v.status', '=', f.status);
  if (f.districtId) q = q.where('v.district_id', '=', f.districtId);
  return q
    .orderBy(sql`rank`, 'desc')
    .orderBy('v.status_at', 'desc')
    .orderBy('v.id')
    .limit(f.limit)
    .execute();
}

export type VehicleRow = Awaited<ReturnType<typeof searchVehicles>>[number];

export interface PropertyQuery {
  stateCode: string;
  ident?: string;
  text?: string;
  category?: string;
  status?: PropertyStatus;
  districtId?: string;
  limit: number;
}

/** Property by identifier (IMEI, serial: exact, through the GIN array) or by words of the description. */
export function searchProperty(db: Db, f: PropertyQuery) {
  if (!f.ident && !f.text && !f.category) return Promise.resolve([]);
  let q = db
    .selectFrom('property_index as p')
    .innerJoin('station as s', 's.id', 'p.station_id')
    .select([
      'p.id',
      'p.source',
      'p.fir_id',
      'p.fir_number',
      'p.category',
      'p.description',
      'p.identifiers',
      'p.value',
      'p.status',
      'p.status_at',
      'p.station_id',
      'p.district_id',
      's.code as station_code',
      's.name as station_name',
      's.name_hi as station_name_hi',
      (f.ident ? sql<number>`case when p.identifiers @> array[${f.ident}]::text[] then 1.0 else 0.5 end` : sql<number>`0.5`).as('rank'),
    ])
    .where('p.state_code', '=', f.stateCode);
  if (f.ident && f.text)
    q = q.where(sql<SqlBool>`(p.identifiers @> array[${f.ident}]::text[] or lower(p.description) like ${`%${f.text}%`})`);
  else if (f.ident) q = q.where(sql<SqlBool>`p.identifiers @> array[${f.ident}]::text[]`);
  else if (f.text) q = q.where(sql<SqlBool>`lower(p.description) like ${`%${f.text}%`}`);
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.districtId) q = q.where('p.district_id', '=', f.districtId);
  return q
    .orderBy(sql`rank`, 'desc')
    .orderBy('p.status_at', 'desc')
    .orderBy('p.id')
    .limit(f.limit)
    .execute();
}

export type PropertyRow = Awaited<ReturnType<typeof searchProperty>>[number];

const featureColumns = [
  'c.fir_id',
  'c.fir_number',
  'c.crime_head',
  'c.mo_codes',
  'c.place_type',
  'c.time_band',
  'c.occurred_at',
  'c.lat',
  'c.lng',
  'c.beat_id',
  'c.area',
  'c.is_open',
  'c.station_id',
  'c.district_id',
  's.code as station_code',
  's.name as station_name',
  's.name_hi as station_name_hi',
] as const;

export interface MoQuery {
  stateCode: string;
  crimeHead?: string;
  moCodes?: string[];
  placeType?: string;
  timeBand?: TimeBand;
  area?: string;
  districtId?: string;
  from?: Date;
  to?: Date;
  openOnly?: boolean;
  limit: number;
}

/** Cases by crime head (with its sub-heads), MO codes (any), type of place, time of day, area. */
export function searchMo(db: Db, f: MoQuery) {
  let q = db
    .selectFrom('case_feature as c')
    .innerJoin('station as s', 's.id', 'c.station_id')
    .select(featureColumns)
    .where('c.state_code', '=', f.stateCode);
  if (f.crimeHead)
    q = q.where((eb) =>
      eb.or([eb('c.crime_head', '=', f.crimeHead!), eb('c.crime_head', 'like', `${f.crimeHead!.replace(/[%_\\]/g, '')}.%`)]),
    );
  if (f.moCodes && f.moCodes.length > 0) q = q.where(sql<SqlBool>`c.mo_codes && ${sql.val(f.moCodes)}::text[]`);
  if (f.placeType) q = q.where('c.place_type', '=', f.placeType);
  if (f.timeBand) q = q.where('c.time_band', '=', f.timeBand);
  if (f.area) q = q.where(sql<SqlBool>`(c.area_norm like ${`%${f.area}%`} or similarity(c.area_norm, ${f.area}) >= 0.3)`);
  if (f.districtId) q = q.where('c.district_id', '=', f.districtId);
  if (f.from) q = q.where('c.occurred_at', '>=', f.from);
  if (f.to) q = q.where('c.occurred_at', '<', f.to);
  if (f.openOnly) q = q.where('c.is_open', '=', true);
  return q.orderBy('c.occurred_at', 'desc').orderBy('c.fir_id').limit(f.limit).execute();
}

export type FeatureRow = Awaited<ReturnType<typeof searchMo>>[number];

export function findFeature(db: Db, firId: string) {
  return db
    .selectFrom('case_feature as c')
    .innerJoin('station as s', 's.id', 'c.station_id')
    .select([...featureColumns, 'c.area_norm'])
    .where('c.fir_id', '=', firId)
    .executeTakeFirst();
}

/** Cases that share the crime head or an MO code with the given features, within the dates. */
export function relatedCandidates(
  db: Db,
  stateCode: string,
  f: { firId: string; crimeHead: string | null; moCodes: string[]; from: Date; to: Date },
) {
  const or: ReturnType<typeof sql<SqlBool>>[] = [];
  if (f.crimeHead) or.push(sql<SqlBool>`c.crime_head = ${f.crimeHead}`);
  if (f.moCodes.length > 0) or.push(sql<SqlBool>`c.mo_codes && ${sql.val(f.moCodes)}::text[]`);
  if (or.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_feature as c')
    .innerJoin('station as s', 's.id', 'c.station_id')
    .select([...featureColumns, 'c.area_norm'])
    .where('c.state_code', '=', stateCode)
    .where('c.fir_id', '<>', f.firId)
    .where('c.occurred_at', '>=', f.from)
    .where('c.occurred_at', '<=', f.to)
    .where(sql<SqlBool>`(${sql.join(or, sql` or `)})`)
    .orderBy('c.occurred_at', 'desc')
    .limit(1000)
    .execute();
}

/** Persons with this phone number (digits only), as master record ids. */
export function personsByPhone(db: Db, stateCode: string, phone: string) {
  return db
    .selectFrom('person_phone as ph')
    .innerJoin('person_name as n', (j) => j.onRef('n.person_id', '=', 'ph.person_id').on('n.kind', '=', 'primary'))
    .select(['n.master_id', 'ph.phone'])
    .distinct()
    .where('ph.state_code', '=', stateCode)
    .where('ph.phone', '=', phone)
    .limit(20)
    .execute();
}
