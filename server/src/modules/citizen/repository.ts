import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

type MutableTimestamp = ColumnType<Date, Date | string, Date | string>;

export interface CitizenAccountTable {
  user_id: string;
  state_code: string;
  status: 'pending' | 'active';
  mobile: string | null;
  email: string | null;
  signup_started_at: MutableTimestamp;
  activated_at: MutableTimestamp | null;
  mobile_verified_at: MutableTimestamp | null;
  email_verified_at: MutableTimestamp | null;
  version: number;
  updated_at: MutableTimestamp;
}

declare module '../../db/types.js' {
  interface Database {
    citizen_account: CitizenAccountTable;
  }
}

/**
 * Any account already holding this mobile number or e-mail address, as a username, an e-mail
 * or a citizen's mobile: a second account for the same person is not opened.
 */
export async function findAccountHolder(db: Kysely<Database>, mobile: string | null, email: string | null) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('citizen_account as ca', 'ca.user_id', 'u.id')
    .select(['u.id', 'u.state_code', 'u.username', 'u.role', 'u.email', 'u.mobile', 'u.disabled_at', 'ca.status as citizen_status'])
    .where((eb) => {
      const ors = [];
      if (mobile) ors.push(eb('u.username', '=', mobile), eb.and([eb('u.role', '=', 'citizen'), eb('u.mobile', '=', mobile)]));
      if (email) ors.push(eb('u.username', '=', email), eb(eb.fn('lower', ['u.email']), '=', email));
      return eb.or(ors);
    })
    .orderBy('ca.status', 'asc')
    .execute();
}

export async function insertPendingCitizen(
  db: Kysely<Database>,
  u: {
    id: string;
    stateCode: string;
    username: string;
    name: string;
    mobile: string | null;
    email: string | null;
    passwordHash: string;
    now: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('app_user')
    .values({
      id: u.id,
      state_code: u.stateCode,
      username: u.username,
      name: u.name,
      name_hi: null,
      email: u.email,
      mobile: u.mobile,
      role: 'citizen',
      rank: null,
      district_id: null,
      subdivision_id: null,
      station_id: null,
      password_hash: u.passwordHash,
      password_temporary: false,
      password_changed_at: u.now,
      // Disabled until the OTP is verified and a password chosen: nobody can log in to it.
      disabled_at: u.now,
      created_at: u.now,
      updated_at: u.now,
    })
    // A concurrent sign-up with the same number or address got there first.
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .insertInto('citizen_account')
    .values({
      user_id: u.id,
      state_code: u.stateCode,
      status: 'pending',
      mobile: u.mobile,
      email: u.email,
      signup_started_at: u.now,
      activated_at: null,
      mobile_verified_at: null,
      email_verified_at: null,
      version: 1,
      updated_at: u.now,
    })
    .execute();
  return true;
}

export async function renamePending(db: Kysely<Database>, userId: string, name: string, now: Date) {
  await db.updateTable('app_user').set({ name, updated_at: now }).where('id', '=', userId).where('disabled_at', 'is not', null).execute();
  await db
    .updateTable('citizen_account')
    .set({ signup_started_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .execute();
}

export async function findPending(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('citizen_account as ca')
    .innerJoin('app_user as u', 'u.id', 'ca.user_id')
    .select([
      'u.id',
      'u.state_code',
      'u.username',
      'u.name',
      'u.name_hi',
      'ca.email',
      'ca.mobile',
      'u.role',
      'u.station_id',
      'ca.status',
      'ca.version',
    ])
    .where('ca.user_id', '=', userId)
    .where('ca.status', '=', 'pending')
    .executeTakeFirst();
}

/** Opens the account: the password is set and the user enabled, in one step with the OTP's use. */
export async function activate(
  db: Kysely<Database>,
  p: { userId: string; version: number; mobile: string | null; email: string | null },
  passwordHash: string,
  now: Date,
): Promise<boolean> {
  const { userId, version } = p;
  const r = await db
    .updateTable('citizen_account')
    .set({
      status: 'active',
      activated_at: now,
      mobile_verified_at: p.mobile ? now : null,
      email_verified_at: p.email ? now : null,
      version: version + 1,
      updated_at: now,
    })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: now, password_temporary: false, disabled_at: null, updated_at: now })
    .where('id', '=', userId)
    .execute();
  return true;
}
