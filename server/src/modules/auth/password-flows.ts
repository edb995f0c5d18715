import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { AuthContext, Deps } from '../../http/types.js';
import { AppError, unprocessable } from '../../lib/errors.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { notifyPerson } from '../notify/service.js';
import { verifyCaptcha, type TestAnswers } from './captcha.js';
import { isCommonPassword } from './common-passwords.js';
import { serverKeys } from './keys.js';
import { accountLocked, lockState, recordFailure, recordSuccess, refuseIfLocked } from './lockout.js';
import { passwordChangedNotice, passwordResetOtpNotice } from './messages.js';
import { checkOtp, consumeOtp, issueOtp, OTP_TTL_MS } from './otp.js';
import { hashPassword, normaliseUsername, verifyPassword } from './password.js';
import { checkPasswordRules, type PasswordCheck } from './password-rules.js';
import * as repo from './repository.js';
import { endUserSessions } from './repository.js';

interface RuleUser {
  username: string;
  name: string;
  name_hi: string | null;
  station_id: string | null;
}

/** Checks a new password against every rule, with the user's own words (username, name, station). */
export async function checkNewPassword(
  db: Kysely<Database>,
  password: string,
  user?: RuleUser,
  field = 'newPassword',
): Promise<PasswordCheck> {
  const stationNames = user ? await repo.findStationNames(db, user.station_id) : [];
  return checkPasswordRules(
    password,
    { username: user?.username, names: user ? [user.name, user.name_hi] : [], stationNames },
    isCommonPassword,
    field,
  );
}

/** 422 naming the field, with every reason in both languages. */
export function passwordRejected(check: PasswordCheck, field = 'newPassword') {
  return unprocessable(
    'password_rejected',
    check.reasons.map((r) => r.message).join(' '),
    check.reasons.map((r) => r.messageHi).join(' '),
    { [field]: check.reasons.map((r) => r.code).join(', ') },
  );
}

export const otpInvalid = () =>
  new AppError(
    400,
    'otp_invalid',
    'The code is wrong or has expired. Check it, or ask for a new one.',
    'कोड गलत है या उसकी अवधि समाप्त हो गई है। जाँचें, या नया कोड मँगाएँ।',
    {
      otp: 'wrong or expired',
    },
  );

const actorOf = (actor: ActorContext, u: { id: string; username: string; role: string; state_code: string }): ActorContext => ({
  ...actor,
  userId: u.id,
  username: u.username,
  role: u.role,
  stateCode: u.state_code,
});

/**
 * A logged-in user changes their password. The current password is checked (a wrong one counts
 * towards the lockout), the new one against every rule. Ends the user's other sessions, clears
 * a temporary password, and sends a notice.
 */
export async function changePassword(deps: Deps, auth: AuthContext, actor: ActorContext, currentPassword: string, newPassword: string) {
  const db = deps.db.kysely;
  const user = await repo.findUserById(db, auth.user.id);
  if (!user)
    throw new AppError(
      401,
      'session_expired',
      'Your session has ended. Please log in again.',
      'आपका सत्र समाप्त हो गया है। कृपया फिर से लॉग इन करें।',
    );
  refuseIfLocked(await lockState(db, deps, user));
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    const lock = await db.transaction().execute(async (trx) => {
      const r = await recordFailure(trx, deps, actor, user, 'password');
      await recordAudit(trx, deps.clock, actor, {
        action: 'auth.password.change',
        outcome: 'failure',
        entityType: 'user',
        entityId: user.id,
        details: { reason: 'wrong_current_password' },
      });
      return r;
    });
    if (lock.lockedUntil) throw accountLocked(lock.lockedUntil);
    throw unprocessable('wrong_current_password', 'The current password is wrong.', 'वर्तमान पासवर्ड गलत है।', { currentPassword: 'wrong' });
  }
  if (newPassword.normalize('NFC') === currentPassword.normalize('NFC'))
    throw unprocessable(
      'password_unchanged',
      'The new password must differ from the current one.',
      'नया पासवर्ड वर्तमान पासवर्ड से अलग होना चाहिए।',
      {
        newPassword: 'same as the current one',
      },
    );
  const check = await checkNewPassword(db, newPassword, user);
  if (!check.ok) throw passwordRejected(check);
  const hash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await repo.setOwnPassword(trx, user.id, hash, now);
    const ended = await endUserSessions(trx, user.id, now, 'password_changed', auth.sessionId);
    await recordSuccess(trx, user.id);
    await recordAudit(trx, deps.clock, actor, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: user.id,
      stationId: user.station_id,
      districtId: user.district_id,
      details: { wasTemporary: user.password_temporary, otherSessionsEnded: ended },
    });
    await notifyPerson(
      trx,
      deps.clock,
      { stateCode: user.state_code, email: user.email, mobile: user.mobile },
      passwordChangedNotice(now, 'changed'),
    );
    return { otherSessionsEnded: ended };
  });
}

/**
 * Forgot password: after the captcha, sends a 6-digit code to the account's registered e-mail
 * and mobile. Answers the same whether or not the account exists (the caller always says 202);
 * only the audit trail tells the cases apart.
 */
export async function forgotPassword(
  deps: Deps,
  actor: ActorContext,
  input: { username: string; captchaId?: string; captchaAnswer?: string },
  testAnswers?: TestAnswers,
) {
  await verifyCaptcha(deps, input.captchaId, input.captchaAnswer, testAnswers);
  const db = deps.db.kysely;
  const keys = await serverKeys(deps.config, deps.db);
  const user = await repo.findUserForLogin(db, normaliseUsername(input.username));
  const tried = normaliseUsername(input.username).slice(0, 100);
  await db.transaction().execute(async (trx) => {
    if (!user || user.disabled_at || (!user.email && !user.mobile)) {
      await recordAudit(
        trx,
        deps.clock,
        { ...actor, userId: user?.id ?? null, username: user?.username ?? tried },
        {
          action: 'auth.otp.not_sent',
          outcome: 'failure',
          entityType: 'user',
          entityId: user?.id,
          details: { purpose: 'password_reset', reason: !user ? 'unknown_user' : user.disabled_at ? 'disabled' : 'no_contact' },
        },
      );
      return;
    }
    const issued = await issueOtp(trx, deps.clock, keys, user.id, 'password_reset');
    if (!issued) {
      await recordAudit(trx, deps.clock, actorOf(actor, user), {
        action: 'auth.otp.not_sent',
        outcome: 'denied',
        entityType: 'user',
        entityId: user.id,
        details: { purpose: 'password_reset', reason: 'resend_too_soon' },
      });
      return;
    }
    const channels = await notifyPerson(
      trx,
      deps.clock,
      { stateCode: user.state_code, email: user.email, mobile: user.mobile },
      passwordResetOtpNotice(issued.code, OTP_TTL_MS / 60_000, issued.expiresAt),
    );
    await recordAudit(trx, deps.clock, actorOf(actor, user), {
      action: 'auth.otp.sent',
      entityType: 'user',
      entityId: user.id,
      details: { purpose: 'password_reset', channels, expiresAt: issued.expiresAt.toISOString() },
    });
  });
}

/**
 * Sets a new password with the code from the forgot-password message. Wrong, expired, used or
 * missing codes and unknown users all answer otp_invalid. Ends every session of the user; does
 * not switch two-factor authentication off.
 */
export async function resetPassword(deps: Deps, actor: ActorContext, input: { username: string; otp: string; newPassword: string }) {
  const db = deps.db.kysely;
  // Rules that need no account first, so a weak password does not use up a try of the code.
  const early = await checkNewPassword(db, input.newPassword);
  if (!early.ok) throw passwordRejected(early);
  const keys = await serverKeys(deps.config, deps.db);
  const user = await repo.findUserForLogin(db, normaliseUsername(input.username));
  const otp = input.otp.trim();
  const checked = await db.transaction().execute(async (trx) => {
    if (!user || user.disabled_at) {
      await recordAudit(
        trx,
        deps.clock,
        { ...actor, userId: user?.id ?? null, username: user?.username ?? normaliseUsername(input.username).slice(0, 100) },
        {
          action: 'auth.otp.failed',
          outcome: 'failure',
          entityType: 'user',
          entityId: user?.id,
          details: { purpose: 'password_reset', reason: user ? 'disabled' : 'unknown_user' },
        },
      );
      return { result: 'none' as const };
    }
    const r = await checkOtp(trx, deps.clock, keys, user.id, 'password_reset', otp);
    if (r.result !== 'ok')
      await recordAudit(trx, deps.clock, actorOf(actor, user), {
        action: 'auth.otp.failed',
        outcome: 'failure',
        entityType: 'user',
        entityId: user.id,
        details: {
          purpose: 'password_reset',
          reason: r.result === 'none' ? 'no_live_code' : 'wrong_code',
          ...(r.result === 'wrong' ? { triesLeft: r.triesLeft } : {}),
        },
      });
    return r;
  });
  // Thrown after the commit, so the used try is kept.
  if (checked.result !== 'ok' || !user) throw otpInvalid();
  const check = await checkNewPassword(db, input.newPassword, user);
  if (!check.ok) throw passwordRejected(check);
  const hash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    if (!(await consumeOtp(trx, deps.clock, checked.otpId))) throw otpInvalid();
    const now = deps.clock.now();
    await repo.setOwnPassword(trx, user.id, hash, now);
    const ended = await endUserSessions(trx, user.id, now, 'password_reset');
    const who = actorOf(actor, user);
    await recordAudit(trx, deps.clock, who, {
      action: 'auth.otp.verified',
      entityType: 'user',
      entityId: user.id,
      details: { purpose: 'password_reset' },
    });
    await recordAudit(trx, deps.clock, who, {
      action: 'auth.password.reset',
      entityType: 'user',
      entityId: user.id,
      stationId: user.station_id,
      districtId: user.district_id,
      details: { via: 'otp', sessionsEnded: ended },
    });
    await notifyPerson(
      trx,
      deps.clock,
      { stateCode: user.state_code, email: user.email, mobile: user.mobile },
      passwordChangedNotice(now, 'reset'),
    );
    return { sessionsEnded: ended };
  });
}
