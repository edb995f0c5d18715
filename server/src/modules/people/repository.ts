/**
 * SQL of the people module: the master person index and its name index. Nothing here decides
 * who may do what; every function is given the transaction (or connection) to use.
 *
 * Persons are a state-wide index (criminal records cross stations), so reads filter by the
 * caller's state; registers and history sheets are filtered by the caller's scope (inScope).
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

declare module '../../db/types.js' {
  interface PersonTable {
    birth_year: ColumnType<number | null, number | null | undefined, number | null>;
    height_cm: ColumnType<number | null, number | null | undefined, number | null>;
    build: ColumnType<string | null, string | null | undefined, string | null>;
    complexion: ColumnType<string | null, string | null | undefined, string | null>;
    notes: ColumnType<string | null, string | null | undefined, string | null>;
    merged_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  }
  interface Database {
    person_name: PersonNameTable;
    person_address: PersonAddressTable;
    person_phone: PersonPhoneTable;
    person_identity: PersonIdentityTable;
    person_mark: PersonMarkTable;
    person_photo: PersonPhotoTable;
    person_case_role: PersonCaseRoleTable;
    person_merge: PersonMergeTable;
  }
}

export type NameKind = 'primary' | 'primary_hi' | 'alias' | 'nickname';

export interface PersonNameTable {
  id: string;
  person_id: string;
  master_id: string;
  state_code: string;
  kind: NameKind;
  name: string;
  name_norm: string;
  name_keys: string[];
  father_norm: string | null;
  birth_year: number | null;
  sex: string | null;
  district_id: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface PersonAddressTable {
  id: string;
  person_id: string;
  state_code: string;
  kind: 'present' | 'permanent' | 'other';
  address: string;
  district_id: string | null;
  station_id: string | null;
  from_date: string | null;
  to_date: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface PersonPhoneTable {
  id: string;
  person_id: string;
  state_code: string;
  phone: string;
  kind: 'mobile' | 'landline' | 'other';
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface PersonIdentityTable {
  id: string;
  person_id: string;
  state_code: string;
  doc_type: string;
  number_masked: string;
  number_hmac: string;
  number: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface PersonMarkTable {
  id: string;
  person_id: string;
  state_code: string;
  kind: 'mole' | 'scar' | 'tattoo' | 'birthmark' | 'deformity' | 'other';
  body_part: string | null;
  description: string;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface PersonPhotoTable {
  id: string;
  person_id: string;
  state_code: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  caption: string | null;
  taken_on: string | null;
  uploaded_at: Timestamp;
  uploaded_by: string | null;
}

export type CaseRole = 'accused' | 'suspect' | 'complainant' | 'victim' | 'witness';
export type CaseResult = 'convicted' | 'acquitted' | 'discharged' | 'compounded' | 'abated' | 'charge_sheeted' | 'not_charge_sheeted';

export interface PersonCaseRoleTable {
  id: string;
  person_id: string;
  fir_id: string;
  role: CaseRole;
  code: string | null;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  result: CaseResult | null;
  result_on: string | null;
  added_at: Timestamp;
  added_by: string | null;
}

export interface PersonMergeTable {
  id: string;
  state_code: string;
  survivor_id: string;
  merged_id: string;
  reason: string;
  merged_by: string;
  merged_by_name: string;
  merged_at: Timestamp;
  unmerged_at: Timestamp | null;
  unmerged_by: string | null;
  unmerge_reason: string | null;
}

type Db = Kysely<Database>;

/** A person row (any state), or undefined. */
export function findPersonRow(db: Db, stateCode: string, id: string) {
  return db.selectFrom('person').selectAll().where('id', '=', id).where('state_code', '=', stateCode).executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonRow>>>;

/** Locks a person row for a change (merge, update) in the caller's transaction. */
export function lockPersonRow(db: Db, stateCode: string, id: string) {
  return db.selectFrom('person').selectAll().where('id', '=', id).where('state_code', '=', stateCode).forUpdate().executeTakeFirst();
}

/**
 * The record a person id answers for now: itself, or the top of its merge chain. Merge
 * chains are short (a merge needs SHO approval), the depth limit only guards against a cycle.
 */
export async function resolveMasterId(db: Db, stateCode: string, id: string): Promise<string | undefined> {
  const r = await sql<{ id: string }>`
    with recursive up(id, merged_into_id, depth) as (
      select id, merged_into_id, 0 from person where id = ${id} and state_code = ${stateCode}
      union all
      select p.id, p.merged_into_id, up.depth + 1 from person p join up on p.id = up.merged_into_id where up.depth < 20
    )
    select id from up where merged_into_id is null limit 1`.execute(db);
  return r.rows[0]?.id;
}

/** The ids of a record and of every record merged into it, directly or through a chain. */
export async function mergedTree(db: Db, id: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    with recursive down(id, depth) as (
      select id, 0 from person where id = ${id}
      union all
      select p.id, down.depth + 1 from person p join down on p.merged_into_id = down.id where down.depth < 20
    )
    select id from down`.execute(db);
  return r.rows.map((x) => x.id);
}

export function listNames(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_name')
    .select(['id', 'person_id', 'kind', 'name', 'name_norm', 'created_at'])
    .where('person_id', 'in', personIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listAddresses(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_address as a')
    .leftJoin('district as d', 'd.id', 'a.district_id')
    .leftJoin('station as s', 's.id', 'a.station_id')
    .select([
      'a.id',
      'a.person_id',
      'a.kind',
      'a.address',
      'a.district_id',
      'd.name as district_name',
      'd.name_hi as district_name_hi',
      'a.station_id',
      's.name as station_name',
      'a.from_date',
      'a.to_date',
      'a.recorded_at',
    ])
    .where('a.person_id', 'in', personIds)
    .orderBy('a.recorded_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export function listPhones(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_phone')
    .select(['id', 'person_id', 'phone', 'kind', 'recorded_at'])
    .where('person_id', 'in', personIds)
    .orderBy('recorded_at')
    .execute();
}

/** Identity documents as they may be shown: never the HMAC, never an Aadhaar number (none is stored). */
export function listIdentities(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_identity')
    .select(['id', 'person_id', 'doc_type', 'number_masked', 'recorded_at'])
    .where('person_id', 'in', personIds)
    .orderBy('recorded_at')
    .execute();
}

export function listMarks(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_mark')
    .select(['id', 'person_id', 'kind', 'body_part', 'description', 'recorded_at'])
    .where('person_id', 'in', personIds)
    .orderBy('recorded_at')
    .execute();
}

export function listPhotoMeta(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_photo')
    .select(['id', 'person_id', 'content_type', 'size_bytes', 'sha256', 'caption', 'taken_on', 'uploaded_at'])
    .where('person_id', 'in', personIds)
    .orderBy('uploaded_at', 'desc')
    .execute();
}

export function findPhoto(db: Db, personIds: string[], photoId: string) {
  return db.selectFrom('person_photo').selectAll().where('id', '=', photoId).where('person_id', 'in', personIds).executeTakeFirst();
}

/** Case roles of the given person records, with the case's station. */
export function listCaseRoles(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_case_role as r')
    .innerJoin('station as s', 's.id', 'r.station_id')
    .innerJoin('district as d', 'd.id', 'r.district_id')
    .select([
      'r.id',
      'r.person_id',
      'r.fir_id',
      'r.role',
      'r.code',
      'r.station_id',
      's.code as station_code',
      's.name as station_name',
      's.name_hi as station_name_hi',
      'r.district_id',
      'd.name as district_name',
      'r.result',
      'r.result_on',
      'r.added_at',
    ])
    .where('r.person_id', 'in', personIds)
    .orderBy('r.added_at')
    .execute();
}

export function listMerges(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_merge')
    .selectAll()
    .where((eb) => eb.or([eb('survivor_id', 'in', personIds), eb('merged_id', 'in', personIds)]))
    .orderBy('merged_at', 'desc')
    .execute();
}

/** Sets master_id of every name of the given person records. */
export async function setNamesMaster(db: Db, personIds: string[], masterId: string): Promise<void> {
  if (personIds.length === 0) return;
  await db.updateTable('person_name').set({ master_id: masterId }).where('person_id', 'in', personIds).execute();
}

/** Copies the person's own fields used by the ranking onto each of its names. */
export async function refreshNameCopies(
  db: Db,
  personId: string,
  fields: { father_norm: string | null; birth_year: number | null; sex: string | null; district_id: string | null },
) {
  await db.updateTable('person_name').set(fields).where('person_id', '=', personId).execute();
}
