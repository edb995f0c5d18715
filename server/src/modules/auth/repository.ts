import { sql, type ColumnType, type Kysely, type Updateable } from 'kysely';
import { executePrepared } from '../../db/prepared.js';
import type { Database } from '../../db/types.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CaptchaTable {
  id: string;
  kind: 'image' | 'text';
  answer_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuthStateTable {
  user_id: string;
  locked_until: Timestamp | null;
  locked_at: Timestamp | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  totp_pending_secret: string | null;
  totp_pending_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface AuthFailureTable {
  id: string;
  user_id: string | null;
  kind: 'password' | 'second_factor';
  occurred_at: Timestamp;
  ip: string | null;
}

export interface OtpTable {
  id: string;
  user_id: string;
  purpose: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  used_at: Timestamp | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface KnownDeviceTable {
  user_id: string;
  fingerprint: string;
  label: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

declare module '../../db/types.js' {
  interface SessionTable {
    /** Opaque id shown to the user (migration 0010); the row id is the token hash. */
    public_id: string;
  }
  interface Database {
    captcha: CaptchaTable;
    auth_state: AuthStateTable;
    auth_failure: AuthFailureTable;
    otp: OtpTable;
    recovery_code: RecoveryCodeTable;
    known_device: KnownDeviceTable;
  }
}

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
    public_id: string;
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
  const q = db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .leftJoin('auth_state', 'auth_state.user_id', 'session.user_id')
    .select([
      ...userColumns,
      'auth_state.totp_enabled_at',
      'session.id as session_id',
      'session.csrf_token',
      'session.mfa_pending',
      'session.created_at as session_created_at',
      'session.last_seen_at',
      'session.expires_at',
    ])
    .where('session.id', '=', sessionId)
    .where('session.ended_at', 'is', null);
  return (await executePrepared(db, q))[0];
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
  let q = db.updateTable('session').set({ ended_at: at, end_reason: reason }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- users -----------------------------------------------------------------------------------

export async function findUserById(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('app_user')
    .select([...userColumns, 'app_user.password_hash'])
    .where('app_user.id', '=', id)
    .executeTakeFirst();
}

/** A user of the administrator's state, for the unlock and 2FA-reset actions. */
export async function findUserInState(db: Kysely<Database>, stateCode: string, id: string) {
  return db
    .selectFrom('app_user')
    .select([...userColumns])
    .where('app_user.state_code', '=', stateCode)
    .where('app_user.id', '=', id)
    .executeTakeFirst();
}

export async function findStationNames(db: Kysely<Database>, stationId: string | null) {
  if (!stationId) return [];
  const s = await db.selectFrom('station').select(['name', 'name_hi']).where('id', '=', stationId).executeTakeFirst();
  return s ? [s.name, s.name_hi] : [];
}

/** Sets a new password chosen by the user: no longer temporary. */
export async function setOwnPassword(db: Kysely<Database>, userId: string, hash: string, now: Date) {
  await db
    .updateTable('app_user')
    .set((eb) => ({
      password_hash: hash,
      password_temporary: false,
      password_changed_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

// ---- lockout -----------------------------------------------------------------------------------

export async function getAuthState(db: Kysely<Database>, userId: string) {
  return db.selectFrom('auth_state').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

type AuthStatePatch = Omit<Updateable<AuthStateTable>, 'user_id' | 'updated_at'>;

export async function upsertAuthState(db: Kysely<Database>, userId: string, patch: AuthStatePatch, now: Date) {
  await db
    .insertInto('auth_state')
    .values({ user_id: userId, ...patch, updated_at: now } as never)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...patch, updated_at: now } as never))
    .execute();
}

export async function insertFailure(
  db: Kysely<Database>,
  f: { id: string; user_id: string | null; kind: 'password' | 'second_factor'; occurred_at: Date; ip: string | null },
) {
  await db.insertInto('auth_failure').values(f).execute();
}

/** How many failures the user has had since `since`, and when the last one was. */
export async function failuresSince(db: Kysely<Database>, userId: string | null, since: Date) {
  const r = await db
    .selectFrom('auth_failure')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('occurred_at').as('last')])
    .where(userId ? sql<boolean>`user_id = ${userId}` : sql<boolean>`user_id is null`)
    .where('occurred_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), last: r.last ? new Date(r.last as Date) : null };
}

export async function clearFailures(db: Kysely<Database>, userId: string) {
  await db.deleteFrom('auth_failure').where('user_id', '=', userId).execute();
}

// ---- captcha -----------------------------------------------------------------------------------

export async function insertCaptcha(
  db: Kysely<Database>,
  c: { id: string; kind: 'image' | 'text'; answer_hash: string; created_at: Date; expires_at: Date },
) {
  await db.insertInto('captcha').values(c).execute();
}

/** Marks a captcha used (whatever the answer) and returns its hash, if it was live. */
export async function consumeCaptcha(db: Kysely<Database>, id: string, now: Date) {
  return db
    .updateTable('captcha')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['answer_hash'])
    .executeTakeFirst();
}

export async function pruneCaptchas(db: Kysely<Database>, before: Date) {
  await db.deleteFrom('captcha').where('expires_at', '<', before).execute();
}

// ---- OTP ---------------------------------------------------------------------------------------

export async function findLiveOtp(db: Kysely<Database>, userId: string, purpose: string) {
  return db
    .selectFrom('otp')
    .selectAll()
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('ended_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function endLiveOtps(db: Kysely<Database>, userId: string, purpose: string, now: Date, reason: string) {
  await db
    .updateTable('otp')
    .set({ ended_at: now, end_reason: reason })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('ended_at', 'is', null)
    .execute();
}

export async function insertOtp(
  db: Kysely<Database>,
  o: { id: string; user_id: string; purpose: string; code_hash: string; created_at: Date; expires_at: Date },
) {
  await db.insertInto('otp').values(o).execute();
}

/** Counts a wrong try; returns the tries made so far. */
export async function addOtpAttempt(db: Kysely<Database>, id: string) {
  const r = await db
    .updateTable('otp')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .returning(['attempts'])
    .executeTakeFirstOrThrow();
  return r.attempts;
}

/** Ends one OTP; returns false when it had already ended (a concurrent use). */
export async function endOtp(db: Kysely<Database>, id: string, now: Date, reason: string) {
  const r = await db
    .updateTable('otp')
    .set({ ended_at: now, end_reason: reason, ...(reason === 'used' ? { used_at: now } : {}) })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- recovery codes ----------------------------------------------------------------------------

export async function replaceRecoveryCodes(db: Kysely<Database>, userId: string, rows: { id: string; code_hash: string }[], now: Date) {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  if (rows.length)
    await db
      .insertInto('recovery_code')
      .values(rows.map((r) => ({ ...r, user_id: userId, created_at: now })))
      .execute();
}

export async function unusedRecoveryCodes(db: Kysely<Database>, userId: string) {
  return db.selectFrom('recovery_code').select(['id', 'code_hash']).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

export async function useRecoveryCode(db: Kysely<Database>, id: string, now: Date) {
  const r = await db
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteRecoveryCodes(db: Kysely<Database>, userId: string) {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
}

// ---- known devices -----------------------------------------------------------------------------

/** Records a device; true when it had not been seen before for this user. */
export async function rememberDevice(db: Kysely<Database>, d: { user_id: string; fingerprint: string; label: string; now: Date }) {
  const r = await db
    .insertInto('known_device')
    .values({ user_id: d.user_id, fingerprint: d.fingerprint, label: d.label, first_seen_at: d.now, last_seen_at: d.now })
    .onConflict((oc) => oc.columns(['user_id', 'fingerprint']).doUpdateSet({ last_seen_at: d.now }))
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
  return Boolean(r.inserted);
}

// ---- sessions ----------------------------------------------------------------------------------

/** The user's live sessions (not ended, not past their idle or absolute limit), newest first. */
export async function listLiveSessions(db: Kysely<Database>, userId: string, now: Date, idleMinutes: number) {
  return db
    .selectFrom('session')
    .select(['id', 'public_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent', 'mfa_pending'])
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', new Date(now.getTime() - idleMinutes * 60_000))
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends one of the user's sessions by its public id; returns the row id, or undefined. */
export async function endSessionByPublicId(db: Kysely<Database>, userId: string, publicId: string, now: Date, reason: string) {
  const r = await db
    .updateTable('session')
    .set({ ended_at: now, end_reason: reason })
    .where('user_id', '=', userId)
    .where('public_id', '=', publicId)
    .where('ended_at', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
  return r?.id;
}

/** Ends the user's sessions still waiting for their second factor. */
export async function endPendingSessions(db: Kysely<Database>, userId: string, now: Date, reason: string) {
  await db
    .updateTable('session')
    .set({ ended_at: now, end_reason: reason })
    .where('user_id', '=', userId)
    .where('mfa_pending', '=', true)
    .where('ended_at', 'is', null)
    .execute();
}
