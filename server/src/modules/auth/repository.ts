import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

export const userColumns = [
  'app_user.id',
  'app_user.username',
  'app_user.name',
  'app_user.name_hi',
  'app_user.role',
  'app_user.rank',
  'app_user.email',
  'app_user.mobile',
  'app_user.state_code',
  'app_user.district_id',
  'app_user.subdivision_id',
  'app_user.station_id',
  'app_user.password_temporary',
  'app_user.disabled_at',
] as const;

export async function findUserForLogin(db: Kysely<Database>, usernameOrEmail: string) {
  return db
    .selectFrom('app_user')
    .select([...userColumns, 'app_user.password_hash'])
    .where((eb) => eb.or([eb('username', '=', usernameOrEmail), eb(eb.fn('lower', ['email']), '=', usernameOrEmail)]))
    .executeTakeFirst();
}

export async function insertSession(
  db: Kysely<Database>,
  s: {
    id: string;
    user_id: string;
    state_code: string;
    csrf_token: string;
    mfa_pending: boolean;
    created_at: Date;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  },
) {
  await db
    .insertInto('session')
    .values({ ...s, last_seen_at: s.created_at })
    .execute();
}

/** The live session and its user, or undefined. One indexed lookup per request. */
export async function findSessionWithUser(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      ...userColumns,
      'session.id as session_id',
      'session.csrf_token',
      'session.mfa_pending',
      'session.created_at as session_created_at',
      'session.last_seen_at',
      'session.expires_at',
    ])
    .where('session.id', '=', sessionId)
    .where('session.ended_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, sessionId: string, at: Date) {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function endSession(db: Kysely<Database>, sessionId: string, at: Date, reason: string) {
  const r = await db
    .updateTable('session')
    .set({ ended_at: at, end_reason: reason })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Ends every live session of a user (optionally keeping one). Returns how many ended. */
export async function endUserSessions(db: Kysely<Database>, userId: string, at: Date, reason: string, keepSessionId?: string) {
  let q = db
    .updateTable('session')
    .set({ ended_at: at, end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
