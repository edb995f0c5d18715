import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Deps, SessionUser, AuthContext } from '../../http/types.js';
import { AppError } from '../../lib/errors.js';
import { newId, randomToken, sha256Hex } from '../../lib/ids.js';
import { isRole, scopeOf, type Role } from '../../policy/index.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { notifyPerson } from '../notify/service.js';
import { verifyCaptcha, type TestAnswers } from './captcha.js';
import { deviceFingerprint, describeDevice } from './devices.js';
import { serverKeys } from './keys.js';
import { accountLocked, lockState, recordFailure, recordSuccess, refuseIfLocked } from './lockout.js';
import { newDeviceNotice } from './messages.js';
import { burnVerifyTime, normaliseUsername, verifyPassword } from './password.js';
import * as repo from './repository.js';
import { looksLikeRecoveryCode, recoveryCodeMatches, verifyTotp } from './totp.js';

export const SESSION_COOKIE = 'cctns_sid';
const NO_USER = '00000000-0000-0000-0000-000000000000';

/** A session still owing its second factor lasts this long. */
export const MFA_PENDING_TTL_MS = 10 * 60_000;

export const wrongCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Wrong username or password.', 'गलत उपयोगकर्ता नाम या पासवर्ड।');

export const sessionExpired = () =>
  new AppError(401, 'session_expired', 'Your session has ended. Please log in again.', 'आपका सत्र समाप्त हो गया है। कृपया फिर से लॉग इन करें।');

export const mfaCodeInvalid = () =>
  new AppError(
    400,
    'mfa_code_invalid',
    'The code is wrong or was already used. Enter the current code from your app, or a recovery code.',
    'कोड गलत है या पहले ही उपयोग हो चुका है। अपने ऐप का वर्तमान कोड, या एक रिकवरी कोड दर्ज करें।',
    {
      code: 'wrong or already used',
    },
  );

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

/** Whether the role must use two-factor authentication (MFA_REQUIRED_ROLES). */
export const roleRequiresMfa = (deps: Deps, role: string): boolean => deps.config.MFA_REQUIRED_ROLES.includes(role);

const actorOf = (actor: ActorContext, u: { id: string; username: string; role: string; state_code: string }): ActorContext => ({
  ...actor,
  userId: u.id,
  username: u.username,
  role: u.role,
  stateCode: u.state_code,
});

export interface NewSession {
  token: string;
  csrfToken: string;
  user: SessionUser;
}

/**
 * Checks a username and password. Unknown user, disabled user and wrong password answer the
 * same error after the same work (an argon2 verification), so none can be told apart.
 */
export async function checkPassword(
  db: Kysely<Database>,
  username: string,
  password: string,
): Promise<{ user?: UserRow; reason?: string }> {
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
  user: UserRow | Omit<UserRow, 'password_hash'>,
  actor: ActorContext,
  opts: { mfaPending?: boolean; previousToken?: string } = {},
): Promise<NewSession> {
  const now = deps.clock.now();
  if (opts.previousToken) await repo.endSession(trx, sha256Hex(opts.previousToken), now, 'replaced_at_login');
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await repo.insertSession(trx, {
    id: sha256Hex(token),
    public_id: newId(),
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

export interface LoginInput {
  username: string;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
}

export type LoginOutcome =
  | { kind: 'session'; session: NewSession; mfaEnabled: boolean; mfaEnrolmentRequired: boolean; passwordChangeRequired: boolean }
  | { kind: 'mfa'; session: NewSession };

/**
 * The whole work of a full login, in the transaction that opens the session: resets the
 * failure count, remembers the device (a new one sends the user a notice) and audits.
 */
async function completeLogin(
  deps: Deps,
  trx: Kysely<Database>,
  user: UserRow | Omit<UserRow, 'password_hash'>,
  actor: ActorContext,
  details: Record<string, unknown>,
  previousToken?: string,
) {
  const now = deps.clock.now();
  const session = await openSession(deps, trx, user, actor, { previousToken });
  await recordSuccess(trx, user.id);
  const device = describeDevice(actor.userAgent);
  const isNew = await repo.rememberDevice(trx, {
    user_id: user.id,
    fingerprint: deviceFingerprint(actor.userAgent, actor.ip),
    label: device,
    now,
  });
  if (isNew)
    await notifyPerson(
      trx,
      deps.clock,
      { stateCode: user.state_code, email: user.email, mobile: user.mobile },
      newDeviceNotice(device, actor.ip, now),
    );
  await recordAudit(trx, deps.clock, actorOf(actor, user), {
    action: 'auth.login',
    entityType: 'user',
    entityId: user.id,
    stationId: user.station_id,
    districtId: user.district_id,
    details: { ...details, newDevice: isNew, device },
  });
  return session;
}

async function auditLoginFailure(
  deps: Deps,
  actor: ActorContext,
  username: string,
  user: UserRow | undefined,
  reason: string,
  extra: Record<string, unknown> = {},
) {
  await recordAudit(
    deps.db.kysely,
    deps.clock,
    { ...actor, userId: user?.id ?? null, username: user?.username ?? normaliseUsername(username).slice(0, 100) },
    {
      action: 'auth.login',
      outcome: 'failure',
      entityType: 'user',
      entityId: user?.id,
      details: { reason, ...extra },
    },
  );
}

/**
 * Logs in with username (or e-mail) and password, after the captcha. Answers, in order:
 * captcha_mismatch (400); 429 while a citizen's growing delay runs; account_locked (423) while
 * an officer's account is locked, even for the right password; invalid_credentials (401), the
 * same for an unknown user, a disabled one and a wrong password; then either a full session or,
 * when the user has TOTP on, a session that owes its second factor.
 */
export async function login(
  deps: Deps,
  input: LoginInput,
  actor: ActorContext,
  previousToken?: string,
  testAnswers?: TestAnswers,
): Promise<LoginOutcome> {
  const db = deps.db.kysely;
  try {
    await verifyCaptcha(deps, input.captchaId, input.captchaAnswer, testAnswers);
  } catch (e) {
    await auditLoginFailure(deps, actor, input.username, undefined, 'captcha_mismatch');
    throw e;
  }
  const u = await repo.findUserForLogin(db, normaliseUsername(input.username));
  let reason: 'unknown_user' | 'disabled' | 'wrong_password' | undefined;
  if (!u) {
    // The same work as for a real account: a lock lookup and an argon2 verification.
    await repo.getAuthState(db, NO_USER);
    await burnVerifyTime(input.password);
    reason = 'unknown_user';
  } else {
    const st = u.disabled_at ? {} : await lockState(db, deps, u);
    const ok = await verifyPassword(u.password_hash, input.password);
    if (st.lockedUntil || st.retryAfterSeconds) {
      await auditLoginFailure(deps, actor, input.username, u, st.lockedUntil ? 'locked' : 'backoff');
      refuseIfLocked(st);
    }
    if (u.disabled_at) reason = 'disabled';
    else if (!ok) reason = 'wrong_password';
  }
  if (!u || reason) {
    const counted = reason === 'wrong_password' ? u! : null;
    const lock = await db.transaction().execute(async (trx) => {
      const r = await recordFailure(trx, deps, actor, counted, 'password');
      await recordAudit(
        trx,
        deps.clock,
        { ...actor, userId: u?.id ?? null, username: u?.username ?? normaliseUsername(input.username).slice(0, 100) },
        {
          action: 'auth.login',
          outcome: 'failure',
          entityType: 'user',
          entityId: u?.id,
          details: { reason },
        },
      );
      return r;
    });
    if (lock.lockedUntil) throw accountLocked(lock.lockedUntil);
    throw wrongCredentials();
  }
  const user = u;
  const state = await repo.getAuthState(db, user.id);
  if (state?.totp_enabled_at) {
    const session = await db.transaction().execute(async (trx) => {
      const s = await openSession(deps, trx, user, actor, { previousToken, mfaPending: true });
      await recordAudit(trx, deps.clock, actorOf(actor, user), {
        action: 'auth.login.password_ok',
        entityType: 'user',
        entityId: user.id,
        details: { mfaPending: true },
      });
      return s;
    });
    return { kind: 'mfa', session };
  }
  const session = await db.transaction().execute((trx) => completeLogin(deps, trx, user, actor, { factors: ['password'] }, previousToken));
  return {
    kind: 'session',
    session,
    mfaEnabled: false,
    mfaEnrolmentRequired: roleRequiresMfa(deps, user.role),
    passwordChangeRequired: user.password_temporary,
  };
}

/**
 * The second step of a login with TOTP on: a code from the authenticator app (not one already
 * used) or one of the recovery codes. A wrong code counts towards the lockout like a wrong
 * password. Success ends the pending session and opens a fresh one (new cookie, new CSRF token).
 */
export async function completeMfaLogin(
  deps: Deps,
  auth: AuthContext,
  code: string,
  actor: ActorContext,
): Promise<LoginOutcome & { kind: 'session' }> {
  const db = deps.db.kysely;
  if (!auth.mfaPending)
    throw new AppError(409, 'mfa_not_pending', 'This session does not need a second factor.', 'इस सत्र को दूसरे चरण की आवश्यकता नहीं है।');
  const user = await repo.findUserById(db, auth.user.id);
  if (!user || user.disabled_at) throw sessionExpired();
  const st = await lockState(db, deps, user);
  if (st.lockedUntil || st.retryAfterSeconds) {
    if (st.lockedUntil) await repo.endSession(db, auth.sessionId, deps.clock.now(), 'locked');
    refuseIfLocked(st);
  }
  const keys = await serverKeys(deps.config, deps.db);
  const state = await repo.getAuthState(db, user.id);
  if (!state?.totp_secret) throw sessionExpired();
  const now = deps.clock.now();
  const trimmed = code.trim();
  let method: 'totp' | 'recovery_code' | undefined;
  let step: number | undefined;
  let recoveryId: string | undefined;
  if (/^\d[\d\s]*$/.test(trimmed)) {
    step = verifyTotp(keys.decrypt(state.totp_secret), trimmed, now, state.totp_last_step);
    if (step !== undefined) method = 'totp';
  } else if (looksLikeRecoveryCode(trimmed)) {
    for (const rc of await repo.unusedRecoveryCodes(db, user.id)) {
      if (recoveryCodeMatches(keys, rc.code_hash, user.id, trimmed)) {
        recoveryId = rc.id;
        method = 'recovery_code';
        break;
      }
    }
  }
  const outcome = await db.transaction().execute(async (trx) => {
    let ok = method !== undefined;
    // Claim the step or the recovery code in the same statement that checks it is still unused,
    // so two requests racing with the same code cannot both succeed.
    if (ok && method === 'totp') {
      const r = await trx
        .updateTable('auth_state')
        .set({ totp_last_step: step!, updated_at: now })
        .where('user_id', '=', user.id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step!)]))
        .executeTakeFirst();
      ok = Number(r.numUpdatedRows) > 0;
    } else if (ok && recoveryId) {
      ok = await repo.useRecoveryCode(trx, recoveryId, now);
    }
    if (!ok) {
      const lock = await recordFailure(trx, deps, actor, user, 'second_factor');
      await recordAudit(trx, deps.clock, actorOf(actor, user), {
        action: 'auth.login.mfa',
        outcome: 'failure',
        entityType: 'user',
        entityId: user.id,
        details: { reason: 'wrong_code' },
      });
      return { ok: false as const, lockedUntil: lock.lockedUntil };
    }
    await repo.endSession(trx, auth.sessionId, now, 'mfa_completed');
    const left = method === 'recovery_code' ? (await repo.unusedRecoveryCodes(trx, user.id)).length : undefined;
    const session = await completeLogin(deps, trx, user, actor, {
      factors: ['password', method],
      ...(left !== undefined ? { backupCodesLeft: left } : {}),
    });
    return { ok: true as const, session };
  });
  if (!outcome.ok) {
    if (outcome.lockedUntil) throw accountLocked(outcome.lockedUntil);
    throw mfaCodeInvalid();
  }
  return {
    kind: 'session',
    session: outcome.session,
    mfaEnabled: true,
    mfaEnrolmentRequired: false,
    passwordChangeRequired: user.password_temporary,
  };
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
  else if (row.mfa_pending && now.getTime() - row.session_created_at.getTime() >= MFA_PENDING_TTL_MS) endReason = 'mfa_timeout';
  if (endReason) {
    const reason = endReason;
    await db.transaction().execute(async (trx) => {
      if (await repo.endSession(trx, id, now, reason)) {
        await recordAudit(
          trx,
          deps.clock,
          { ...actor, userId: row.id, username: row.username, role: row.role, stateCode: row.state_code },
          {
            action: `auth.session_ended.${reason}`,
            entityType: 'user',
            entityId: row.id,
          },
        );
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
    mfaEnrolmentRequired: !row.mfa_pending && !row.totp_enabled_at && roleRequiresMfa(deps, user.role),
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

/** "Your sessions": every live session of the caller, the current one marked. */
export async function listSessions(deps: Deps, auth: AuthContext) {
  const rows = await repo.listLiveSessions(deps.db.kysely, auth.user.id, deps.clock.now(), deps.config.SESSION_IDLE_MINUTES);
  return rows.map((r) => ({
    id: r.public_id,
    device: describeDevice(r.user_agent),
    userAgent: r.user_agent,
    ip: r.ip,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    mfaPending: r.mfa_pending,
    current: r.id === auth.sessionId,
  }));
}

/** Ends one of the caller's own sessions. Another user's session id answers 404, like a missing one. */
export async function endOwnSession(deps: Deps, auth: AuthContext, actor: ActorContext, publicId: string): Promise<{ current: boolean }> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const rowId = await repo.endSessionByPublicId(trx, auth.user.id, publicId, deps.clock.now(), 'ended_by_user');
    if (!rowId) throw new AppError(404, 'session_not_found', 'Session not found.', 'सत्र नहीं मिला।');
    await recordAudit(trx, deps.clock, actor, {
      action: 'auth.session_ended.by_user',
      entityType: 'user',
      entityId: auth.user.id,
      details: { session: publicId, current: rowId === auth.sessionId },
    });
    return { current: rowId === auth.sessionId };
  });
}
