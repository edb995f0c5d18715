import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { AuthContext, Deps } from '../../http/types.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { ROLE_LEVEL, type Role } from '../../policy/index.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { hashPassword, normaliseUsername } from '../auth/password.js';
import { endUserSessions, getAuthState } from '../auth/repository.js';
import { lockedUntilOf } from '../auth/lockout.js';
import * as repo from './repository.js';

export const userNotFound = () => notFound('User', 'उपयोगकर्ता', 'user_not_found');

/** A user in the caller's jurisdiction with what an administrator needs to decide on an unlock or a 2FA reset. */
export async function userWithAccountState(deps: Deps, auth: AuthContext, id: string) {
  const db = deps.db.kysely;
  const u = await repo.findUser(db, auth.scope, id);
  if (!u) throw userNotFound();
  const st = await getAuthState(db, u.id);
  return { user: u, lockedUntil: lockedUntilOf(st, deps.clock.now()) ?? null, mfaEnabled: !!st?.totp_enabled_at };
}
export const stationNotFound = () => notFound('Police station', 'पुलिस थाना', 'station_not_found');

export interface Posting {
  districtId: string | null;
  subdivisionId: string | null;
  stationId: string | null;
}

/**
 * Works out a user's full posting (district, sub-division, station) from the one their role
 * is tied to, so scope filters can compare a single column. Refuses a posting that does not
 * fit the role.
 */
export async function resolvePosting(
  db: Kysely<Database>,
  stateCode: string,
  role: Role,
  given: { stationId?: string | null; subdivisionId?: string | null; districtId?: string | null },
): Promise<Posting> {
  const level = ROLE_LEVEL[role];
  const need = (field: string, en: string, hi: string) =>
    unprocessable('posting_required', en, hi, { [field]: `required for the role ${role}` });
  if (level === 'station') {
    if (!given.stationId) throw need('stationId', 'This role needs a police station.', 'इस भूमिका के लिए पुलिस थाना आवश्यक है।');
    const st = await repo.findStation(db, stateCode, given.stationId);
    if (!st)
      throw unprocessable('station_not_found', 'No such police station.', 'ऐसा कोई पुलिस थाना नहीं है।', { stationId: 'unknown station' });
    return { districtId: st.district_id, subdivisionId: st.subdivision_id, stationId: st.id };
  }
  if (level === 'subdivision') {
    if (!given.subdivisionId) throw need('subdivisionId', 'This role needs a sub-division.', 'इस भूमिका के लिए उप-मंडल आवश्यक है।');
    const sd = await repo.findSubdivision(db, stateCode, given.subdivisionId);
    if (!sd)
      throw unprocessable('subdivision_not_found', 'No such sub-division.', 'ऐसा कोई उप-मंडल नहीं है।', {
        subdivisionId: 'unknown sub-division',
      });
    return { districtId: sd.district_id, subdivisionId: sd.id, stationId: null };
  }
  if (level === 'district') {
    if (!given.districtId) throw need('districtId', 'This role needs a district.', 'इस भूमिका के लिए जिला आवश्यक है।');
    const d = await repo.findDistrict(db, stateCode, given.districtId);
    if (!d) throw unprocessable('district_not_found', 'No such district.', 'ऐसा कोई जिला नहीं है।', { districtId: 'unknown district' });
    return { districtId: d.id, subdivisionId: null, stationId: null };
  }
  return { districtId: null, subdivisionId: null, stationId: null };
}

const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A temporary password: 16 characters from an alphabet without look-alikes (~92 bits). */
export function makeTemporaryPassword(): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += READABLE[randomInt(READABLE.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
}

export interface NewUser {
  username: string;
  name: string;
  nameHi?: string | null;
  email?: string | null;
  mobile?: string | null;
  role: Role;
  rank?: string | null;
  stationId?: string | null;
  subdivisionId?: string | null;
  districtId?: string | null;
}

/** Creates a user with a temporary password, which is returned once and must be changed at first login. */
export async function createUser(deps: Deps, auth: AuthContext, actor: ActorContext, input: NewUser) {
  const username = normaliseUsername(input.username);
  const temporaryPassword = makeTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const taken = await repo.usernameTaken(trx, username, input.email);
    if (taken) {
      const field = taken.username === username ? 'username' : 'email';
      throw conflict('user_exists', `A user with this ${field} already exists.`, 'इस नाम या ई-मेल से उपयोगकर्ता पहले से मौजूद है।', {
        [field]: 'already taken',
      });
    }
    const posting = await resolvePosting(trx, auth.user.stateCode, input.role, input);
    const id = newId();
    const now = deps.clock.now();
    await trx
      .insertInto('app_user')
      .values({
        id,
        state_code: auth.user.stateCode,
        username,
        name: input.name.trim(),
        name_hi: input.nameHi?.trim() || null,
        email: input.email?.trim().toLowerCase() || null,
        mobile: input.mobile?.trim() || null,
        role: input.role,
        rank: input.rank ?? null,
        district_id: posting.districtId,
        subdivision_id: posting.subdivisionId,
        station_id: posting.stationId,
        password_hash: passwordHash,
        password_temporary: true,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, deps.clock, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      stationId: posting.stationId,
      districtId: posting.districtId,
      details: { username, role: input.role },
    });
    const user = await repo.findUser(trx, auth.scope, id);
    return { user: user!, temporaryPassword };
  });
}

export interface UserChange {
  version: number;
  name?: string;
  nameHi?: string | null;
  email?: string | null;
  mobile?: string | null;
  role?: Role;
  rank?: string | null;
  stationId?: string | null;
  subdivisionId?: string | null;
  districtId?: string | null;
}

/**
 * Moves a user to another station or role, or edits their details. The change applies to
 * their existing sessions on the next request, because sessions read role and postings from
 * the user row each time.
 */
export async function updateUser(deps: Deps, auth: AuthContext, actor: ActorContext, id: string, change: UserChange) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const cur = await repo.findUser(trx, auth.scope, id);
    if (!cur) throw userNotFound();
    const role = (change.role ?? cur.role) as Role;
    const postingChanged =
      change.role !== undefined || change.stationId !== undefined || change.subdivisionId !== undefined || change.districtId !== undefined;
    const posting = postingChanged
      ? await resolvePosting(trx, cur.state_code, role, {
          stationId: change.stationId !== undefined ? change.stationId : cur.station_id,
          subdivisionId: change.subdivisionId !== undefined ? change.subdivisionId : cur.subdivision_id,
          districtId: change.districtId !== undefined ? change.districtId : cur.district_id,
        })
      : { stationId: cur.station_id, subdivisionId: cur.subdivision_id, districtId: cur.district_id };
    const r = await trx
      .updateTable('app_user')
      .set({
        name: change.name?.trim() ?? cur.name,
        name_hi: change.nameHi !== undefined ? change.nameHi : cur.name_hi,
        email: change.email !== undefined ? (change.email?.toLowerCase() ?? null) : cur.email,
        mobile: change.mobile !== undefined ? change.mobile : cur.mobile,
        role,
        rank: change.rank !== undefined ? change.rank : cur.rank,
        station_id: posting.stationId,
        subdivision_id: posting.subdivisionId,
        district_id: posting.districtId,
        version: cur.version + 1,
        updated_at: deps.clock.now(),
      })
      .where('id', '=', id)
      .where('version', '=', change.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw staleVersion();
    await recordAudit(trx, deps.clock, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      stationId: posting.stationId,
      districtId: posting.districtId,
      details: {
        from: { role: cur.role, stationId: cur.station_id },
        to: { role, stationId: posting.stationId },
      },
    });
    return (await repo.findUser(trx, auth.scope, id))!;
  });
}

/** Disables a user and ends every session they hold, at once. */
export async function setDisabled(deps: Deps, auth: AuthContext, actor: ActorContext, id: string, disabled: boolean) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const cur = await repo.findUser(trx, auth.scope, id);
    if (!cur) throw userNotFound();
    if (disabled && cur.id === auth.user.id)
      throw conflict('cannot_disable_self', 'You cannot disable your own account.', 'आप अपना स्वयं का खाता अक्षम नहीं कर सकते।');
    const now = deps.clock.now();
    await trx
      .updateTable('app_user')
      .set({ disabled_at: disabled ? now : null, version: cur.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    const ended = disabled ? await endUserSessions(trx, id, now, 'user_disabled') : 0;
    await recordAudit(trx, deps.clock, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: id,
      stationId: cur.station_id,
      districtId: cur.district_id,
      details: { sessionsEnded: ended },
    });
    return (await repo.findUser(trx, auth.scope, id))!;
  });
}

/** Issues a temporary password (shown once to the administrator) and ends the user's sessions. */
export async function issueTemporaryPassword(deps: Deps, auth: AuthContext, actor: ActorContext, id: string) {
  const temporaryPassword = makeTemporaryPassword();
  const hash = await hashPassword(temporaryPassword);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const cur = await repo.findUser(trx, auth.scope, id);
    if (!cur) throw userNotFound();
    const now = deps.clock.now();
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash, password_temporary: true, password_changed_at: now, version: cur.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    const ended = await endUserSessions(trx, id, now, 'password_reset_by_admin');
    await recordAudit(trx, deps.clock, actor, {
      action: 'user.temporary_password',
      entityType: 'user',
      entityId: id,
      stationId: cur.station_id,
      districtId: cur.district_id,
      details: { sessionsEnded: ended },
    });
    return { temporaryPassword };
  });
}

/** Ends every session of a user (administrator action). */
export async function endAllSessions(deps: Deps, auth: AuthContext, actor: ActorContext, id: string) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const cur = await repo.findUser(trx, auth.scope, id);
    if (!cur) throw userNotFound();
    const ended = await endUserSessions(trx, id, deps.clock.now(), 'ended_by_admin');
    await recordAudit(trx, deps.clock, actor, {
      action: 'user.sessions_ended',
      entityType: 'user',
      entityId: id,
      details: { sessionsEnded: ended },
    });
    return { ended };
  });
}

export interface StationInput {
  subdivisionId: string;
  code: string;
  name: string;
  nameHi: string;
  address?: string | null;
  phone?: string | null;
  lat?: number | null;
  lng?: number | null;
}

export async function createStation(deps: Deps, auth: AuthContext, actor: ActorContext, input: StationInput) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const sd = await repo.findSubdivision(trx, auth.user.stateCode, input.subdivisionId);
    if (!sd) throw unprocessable('subdivision_not_found', 'No such sub-division.', 'ऐसा कोई उप-मंडल नहीं है।', { subdivisionId: 'unknown' });
    if (await repo.findStationByCode(trx, auth.user.stateCode, input.code))
      throw conflict('station_code_taken', 'A station with this code exists.', 'इस कोड का थाना पहले से मौजूद है।', { code: 'already taken' });
    const id = newId();
    await trx
      .insertInto('station')
      .values({
        id,
        state_code: auth.user.stateCode,
        district_id: sd.district_id,
        subdivision_id: sd.id,
        code: input.code,
        name: input.name,
        name_hi: input.nameHi,
        address: input.address ?? null,
        phone: input.phone ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
      })
      .execute();
    await recordAudit(trx, deps.clock, actor, {
      action: 'station.create',
      entityType: 'station',
      entityId: id,
      stationId: id,
      districtId: sd.district_id,
    });
    return (await repo.findStation(trx, auth.user.stateCode, id))!;
  });
}

export async function updateStation(
  deps: Deps,
  auth: AuthContext,
  actor: ActorContext,
  id: string,
  change: {
    version: number;
    name?: string;
    nameHi?: string;
    address?: string | null;
    phone?: string | null;
    lat?: number | null;
    lng?: number | null;
    active?: boolean;
  },
) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const cur = await repo.findStation(trx, auth.user.stateCode, id);
    if (!cur) throw stationNotFound();
    const r = await trx
      .updateTable('station')
      .set({
        name: change.name ?? cur.name,
        name_hi: change.nameHi ?? cur.name_hi,
        address: change.address !== undefined ? change.address : cur.address,
        phone: change.phone !== undefined ? change.phone : cur.phone,
        lat: change.lat !== undefined ? change.lat : cur.lat,
        lng: change.lng !== undefined ? change.lng : cur.lng,
        active: change.active ?? cur.active,
        version: cur.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', change.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw staleVersion();
    await recordAudit(trx, deps.clock, actor, {
      action: 'station.update',
      entityType: 'station',
      entityId: id,
      stationId: id,
      districtId: cur.district_id,
    });
    return (await repo.findStation(trx, auth.user.stateCode, id))!;
  });
}

export async function createBeat(
  deps: Deps,
  auth: AuthContext,
  actor: ActorContext,
  stationId: string,
  input: { code: string; name: string; nameHi: string },
) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const st = await repo.findStation(trx, auth.user.stateCode, stationId);
    if (!st) throw stationNotFound();
    const existing = await repo.listBeats(trx, auth.user.stateCode, stationId);
    if (existing.some((b) => b.code === input.code))
      throw conflict('beat_code_taken', 'This station already has a beat with this code.', 'इस थाने में इस कोड की बीट पहले से है।', {
        code: 'already taken',
      });
    const id = newId();
    await trx
      .insertInto('beat')
      .values({
        id,
        state_code: st.state_code,
        district_id: st.district_id,
        subdivision_id: st.subdivision_id,
        station_id: st.id,
        code: input.code,
        name: input.name,
        name_hi: input.nameHi,
      })
      .execute();
    await recordAudit(trx, deps.clock, actor, {
      action: 'beat.create',
      entityType: 'beat',
      entityId: id,
      stationId: st.id,
      districtId: st.district_id,
    });
    return (await repo.findBeat(trx, auth.user.stateCode, id))!;
  });
}

export async function updateBeat(
  deps: Deps,
  auth: AuthContext,
  actor: ActorContext,
  id: string,
  change: { version: number; name?: string; nameHi?: string; active?: boolean },
) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const cur = await repo.findBeat(trx, auth.user.stateCode, id);
    if (!cur) throw notFound('Beat', 'बीट', 'beat_not_found');
    const r = await trx
      .updateTable('beat')
      .set({
        name: change.name ?? cur.name,
        name_hi: change.nameHi ?? cur.name_hi,
        active: change.active ?? cur.active,
        version: cur.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', change.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw staleVersion();
    await recordAudit(trx, deps.clock, actor, {
      action: 'beat.update',
      entityType: 'beat',
      entityId: id,
      stationId: cur.station_id,
      districtId: cur.district_id,
    });
    return (await repo.findBeat(trx, auth.user.stateCode, id))!;
  });
}
