import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';

/** Org structure is readable by any police user of the state; writes are the administrator's. */
export async function getState(db: Kysely<Database>, code: string) {
  return db.selectFrom('state').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listDistricts(db: Kysely<Database>, stateCode: string) {
  return db.selectFrom('district').selectAll().where('state_code', '=', stateCode).orderBy('code').execute();
}

export async function listSubdivisions(db: Kysely<Database>, stateCode: string) {
  return db.selectFrom('subdivision').selectAll().where('state_code', '=', stateCode).orderBy('code').execute();
}

export async function listStations(db: Kysely<Database>, stateCode: string, opts: { districtId?: string; includeInactive?: boolean } = {}) {
  let q = db.selectFrom('station').selectAll().where('state_code', '=', stateCode);
  if (opts.districtId) q = q.where('district_id', '=', opts.districtId);
  if (!opts.includeInactive) q = q.where('active', '=', true);
  return q.orderBy('code').execute();
}

export async function findStation(db: Kysely<Database>, stateCode: string, id: string) {
  return db.selectFrom('station').selectAll().where('state_code', '=', stateCode).where('id', '=', id).executeTakeFirst();
}

export async function findStationByCode(db: Kysely<Database>, stateCode: string, code: string) {
  return db.selectFrom('station').selectAll().where('state_code', '=', stateCode).where('code', '=', code).executeTakeFirst();
}

export async function findSubdivision(db: Kysely<Database>, stateCode: string, id: string) {
  return db.selectFrom('subdivision').selectAll().where('state_code', '=', stateCode).where('id', '=', id).executeTakeFirst();
}

export async function findDistrict(db: Kysely<Database>, stateCode: string, id: string) {
  return db.selectFrom('district').selectAll().where('state_code', '=', stateCode).where('id', '=', id).executeTakeFirst();
}

export async function listBeats(db: Kysely<Database>, stateCode: string, stationId: string) {
  return db
    .selectFrom('beat')
    .selectAll()
    .where('state_code', '=', stateCode)
    .where('station_id', '=', stationId)
    .orderBy('code')
    .execute();
}

export async function findBeat(db: Kysely<Database>, stateCode: string, id: string) {
  return db.selectFrom('beat').selectAll().where('state_code', '=', stateCode).where('id', '=', id).executeTakeFirst();
}

export const publicUserColumns = [
  'id',
  'username',
  'name',
  'name_hi',
  'email',
  'mobile',
  'role',
  'rank',
  'state_code',
  'district_id',
  'subdivision_id',
  'station_id',
  'password_temporary',
  'disabled_at',
  'version',
  'created_at',
  'updated_at',
] as const;

export async function listUsers(
  db: Kysely<Database>,
  scope: Scope,
  f: { q?: string; role?: string; stationId?: string; includeDisabled?: boolean; limit: number; offset: number },
) {
  let q = db
    .selectFrom('app_user')
    .select(publicUserColumns)
    .where(scope.level === 'state' ? sql<boolean>`state_code = ${scope.stateCode}` : inScope(scope));
  if (f.q) {
    const like = `%${f.q
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('username', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
  }
  if (f.role) q = q.where('role', '=', f.role);
  if (f.stationId) q = q.where('station_id', '=', f.stationId);
  if (!f.includeDisabled) q = q.where('disabled_at', 'is', null);
  return q.orderBy('username').limit(f.limit).offset(f.offset).execute();
}

export async function findUser(db: Kysely<Database>, scope: Scope, id: string) {
  return db
    .selectFrom('app_user')
    .select(publicUserColumns)
    .where(scope.level === 'state' ? sql<boolean>`state_code = ${scope.stateCode}` : inScope(scope))
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function usernameTaken(db: Kysely<Database>, username: string, email?: string | null) {
  const r = await db
    .selectFrom('app_user')
    .select(['username', 'email'])
    .where((eb) => {
      const ors = [eb('username', '=', username)];
      if (email) ors.push(eb(eb.fn('lower', ['email']), '=', email.toLowerCase()));
      return eb.or(ors);
    })
    .executeTakeFirst();
  return r;
}
