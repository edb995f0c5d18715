import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Deps, SessionUser, AuthContext } from '../../http/types.js';
import { AppError } from '../../lib/errors.js';
import { randomToken, sha256Hex } from '../../lib/ids.js';
import { isRole, scopeOf, type Role } from '../../policy/index.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { burnVerifyTime, normaliseUsername, verifyPassword } from './password.js';
import * as repo from './repository.js';

export const SESSION_COOKIE = 'cctns_sid';

export const wrongCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Wrong username or password.', 'गलत उपयोगकर्ता नाम या पासवर्ड।');

export const sessionExpired = () =>
  new AppError(401, 'session_expired', 'Your session has ended. Please log in again.', 'आपका सत्र समाप्त हो गया है। कृपया फिर से लॉग इन करें।');

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserForLogin>>>;

export function toSessionUser(u: Omit<UserRow, 'password_hash'>): SessionUser {
  if (!isRole(u.role)) throw new Error(`unknown role ${u.role}`);
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    nameHi: u.name_hi,
    role: u.role as Role,
    rank: u.rank,
    email: u.email,
    mobile: u.mobile,
    stateCode: u.state_code,
    districtId: u.district_id,
    subdivisionId: u.subdivision_id,
    stationId: u.station_id,
    passwordTemporary: u.password_temporary,
  };
}

export interface NewSession {
  token: string;
  csrfToken: string;
  user: SessionUser;
}

/**
 * Checks a username and password. Unknown user, disabled user and wrong password answer the
 * same error after the same work (an argon2 verification), so none can be told apart.
 */
export async function checkPassword(db: Kysely<Database>, username: string, password: string): Promise<{ user?: UserRow; reason?: string }> {
  const u = await repo.findUserForLogin(db, normaliseUsername(username));
  if (!u) {
    await burnVerifyTime(password);
    return { reason: 'unknown_user' };
  }
  const ok = await verifyPassword(u.password_hash, password);
  if (u.disabled_at) return { user: u, reason: 'disabled' };
  if (!ok) return { user: u, reason: 'wrong_password' };
  return { user: u };
}

/** Opens a new session (a fresh id at every login) and ends the one the browser held, if any. */
export async function openSession(
  deps: Deps,
  trx: Kysely<Database>,
  user: UserRow,
  actor: ActorContext,
  opts: { mfaPending?: boolean; previousToken?: string } = {},
): Promise<NewSession> {
  const now = deps.clock.now();
  if (opts.previousToken) await repo.endSession(trx, sha256Hex(opts.previousToken), now, 'replaced_at_login');
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await repo.insertSession(trx, {
    id: sha256Hex(token),
    user_id: user.id,
    state_code: user.state_code,
    csrf_token: csrfToken,
    mfa_pending: opts.mfaPending ?? false,
    created_at: now,
    expires_at: new Date(now.getTime() + deps.config.SESSION_ABSOLUTE_HOURS * 3600_000),
    ip: actor.ip,
    user_agent: actor.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, user: toSessionUser(user) };
}

// A session's last_seen_at is written at most this often, so that reads do not all write.
const TOUCH_EVERY_MS = 30_000;

/**
 * The session behind a cookie token, checked against the idle and absolute limits and the
 * user's current state. Role and postings are read fresh from the user row on every request,
 * so a move takes effect on the next request; a disabled user's session ends at once.
 */
export async function resolveSession(deps: Deps, token: string, actor: ActorContext): Promise<AuthContext | null> {
  const db = deps.db.kysely;
  const id = sha256Hex(token);
  const row = await repo.findSessionWithUser(db, id);
  if (!row) return null;
  const now = deps.clock.now();
  let endReason: string | undefined;
  if (row.disabled_at) endReason = 'user_disabled';
  else if (now.getTime() >= row.expires_at.getTime()) endReason = 'absolute_timeout';
  else if (now.getTime() - row.last_seen_at.getTime() >= deps.config.SESSION_IDLE_MINUTES * 60_000) endReason = 'idle_timeout';
  if (endReason) {
    const reason = endReason;
    await db.transaction().execute(async (trx) => {
      if (await repo.endSession(trx, id, now, reason)) {
        await recordAudit(trx, deps.clock, { ...actor, userId: row.id, username: row.username, role: row.role, stateCode: row.state_code }, {
          action: `auth.session_ended.${reason}`,
          entityType: 'user',
          entityId: row.id,
        });
      }
    });
    throw sessionExpired();
  }
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) await repo.touchSession(db, id, now);
  const user = toSessionUser(row);
  return {
    sessionId: id,
    csrfToken: row.csrf_token,
    mfaPending: row.mfa_pending,
    user,
    scope: scopeOf({
      id: user.id,
      role: user.role,
      state_code: user.stateCode,
      district_id: user.districtId,
      subdivision_id: user.subdivisionId,
      station_id: user.stationId,
    }),
  };
}

export async function logout(deps: Deps, auth: AuthContext, actor: ActorContext): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repo.endSession(trx, auth.sessionId, deps.clock.now(), 'logout');
    await recordAudit(trx, deps.clock, actor, { action: 'auth.logout', entityType: 'user', entityId: auth.user.id });
  });
}
