import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

type Timestamp = ColumnType<Date, Date | string, never>;
type MutableTimestamp = ColumnType<Date, Date | string, Date | string>;

export interface CourtTable {
  id: string;
  state_code: string;
  district_id: string;
  code: string;
  name: string;
  name_hi: string;
  establishment_code: string;
  created_at: Timestamp;
  disabled_at: MutableTimestamp | null;
}

export interface CourtTokenTable {
  id: string;
  court_id: string;
  token_hash: string;
  label: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: MutableTimestamp | null;
}

export interface CourtClerkTable {
  user_id: string;
  court_id: string;
  created_at: Timestamp;
}

declare module '../../db/types.js' {
  interface Database {
    court: CourtTable;
    court_token: CourtTokenTable;
    court_clerk: CourtClerkTable;
  }
}

type DB = Kysely<Database>;

export type CourtRow = Awaited<ReturnType<typeof findCourt>> & object;

const courtColumns = [
  'c.id',
  'c.state_code',
  'c.district_id',
  'c.code',
  'c.name',
  'c.name_hi',
  'c.establishment_code',
  'c.created_at',
  'c.disabled_at',
  'd.code as district_code',
  'd.name as district_name',
  'd.name_hi as district_name_hi',
] as const;

export async function findCourt(db: DB, id: string) {
  return db
    .selectFrom('court as c')
    .innerJoin('district as d', 'd.id', 'c.district_id')
    .select(courtColumns)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function findCourtByCode(db: DB, stateCode: string, code: string) {
  return db
    .selectFrom('court as c')
    .innerJoin('district as d', 'd.id', 'c.district_id')
    .select(courtColumns)
    .where('c.state_code', '=', stateCode)
    .where('c.code', '=', code)
    .executeTakeFirst();
}

/** The active courts of a district, by code. */
export async function listCourts(db: DB, stateCode: string, districtId?: string) {
  let q = db
    .selectFrom('court as c')
    .innerJoin('district as d', 'd.id', 'c.district_id')
    .select(courtColumns)
    .where('c.state_code', '=', stateCode)
    .where('c.disabled_at', 'is', null);
  if (districtId) q = q.where('c.district_id', '=', districtId);
  return q.orderBy('c.code').execute();
}

export async function insertCourt(db: DB, row: Omit<CourtTable, 'disabled_at' | 'created_at'> & { created_at: Date }) {
  await db.insertInto('court').values(row).execute();
}

/** The court of an active token (by its SHA-256), if the token is not revoked and the court not disabled. */
export async function findCourtByTokenHash(db: DB, tokenHash: string) {
  return db
    .selectFrom('court_token as t')
    .innerJoin('court as c', 'c.id', 't.court_id')
    .innerJoin('district as d', 'd.id', 'c.district_id')
    .select(courtColumns)
    .select(['t.id as token_id', 't.label as token_label'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('c.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function insertToken(db: DB, row: Omit<CourtTokenTable, 'revoked_at' | 'created_at'> & { created_at: Date }) {
  await db.insertInto('court_token').values(row).execute();
}

export async function listTokens(db: DB, courtId: string) {
  return db
    .selectFrom('court_token')
    .select(['id', 'label', 'created_at', 'revoked_at'])
    .where('court_id', '=', courtId)
    .orderBy('created_at')
    .execute();
}

export async function revokeToken(db: DB, courtId: string, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('court_token')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('court_id', '=', courtId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findClerkCourt(db: DB, userId: string) {
  return db
    .selectFrom('court_clerk as k')
    .innerJoin('court as c', 'c.id', 'k.court_id')
    .innerJoin('district as d', 'd.id', 'c.district_id')
    .select(courtColumns)
    .where('k.user_id', '=', userId)
    .where('c.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function upsertClerk(db: DB, userId: string, courtId: string, at: Date) {
  await db
    .insertInto('court_clerk')
    .values({ user_id: userId, court_id: courtId, created_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ court_id: courtId }))
    .execute();
}
