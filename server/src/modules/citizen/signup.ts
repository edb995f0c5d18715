import { randomBytes } from 'node:crypto';
import type { Deps } from '../../http/types.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { verifyCaptcha } from '../auth/captcha.js';
import { serverKeys } from '../auth/keys.js';
import { checkOtp, consumeOtp, issueOtp, OTP_TTL_MS, type OtpPurpose } from '../auth/otp.js';
import { checkNewPassword, otpInvalid, passwordRejected } from '../auth/password-flows.js';
import { hashPassword } from '../auth/password.js';
import { findUserById } from '../auth/repository.js';
import { openSession, type NewSession } from '../auth/service.js';
import { notifyPerson, type Notice } from '../notify/service.js';
import * as repo from './repository.js';

/**
 * Citizen sign-up: a mobile number or an e-mail address (or both) and an OTP, then a password.
 *
 * 1. `startSignup` (after the captcha) opens a pending account — an app_user row that is
 *    disabled and has no usable password — and sends a 6-digit code, through the auth module's
 *    OTP helpers, to every channel given. When the number or address already belongs to an
 *    account, nothing is opened, that account's owner is told, and the answer looks the same
 *    (no one can learn who has an account).
 * 2. `completeSignup` checks the code (5 tries, 10 minutes, single use) and the password rules,
 *    enables the account and opens a session.
 */

// The auth module's OTP helpers serve any purpose; its type lists only its own so far.
const SIGNUP: OtpPurpose = 'citizen_signup' as string as OtpPurpose;

export interface SignupInput {
  name: string;
  mobile?: string;
  email?: string;
  captchaId?: string;
  captchaAnswer?: string;
}

const maskMobile = (m: string) => `${'•'.repeat(6)}${m.slice(-4)}`;
const maskEmail = (e: string) => {
  const [user, domain] = e.split('@');
  return `${user.slice(0, 1)}${'•'.repeat(Math.max(1, user.length - 1))}@${domain}`;
};

function signupOtpNotice(code: string, minutes: number, expiresAt: Date): Notice {
  return {
    kind: 'citizen_signup_otp',
    subject: 'CCTNS citizen sign-up code / नागरिक पंजीकरण कोड',
    emailText: [
      `Your code to sign up on the CCTNS citizen portal is ${code}. It is valid for ${minutes} minutes and can be used once. Do not share it with anyone.`,
      'If you did not ask for it, ignore this message.',
      '',
      `सीसीटीएनएस नागरिक पोर्टल पर पंजीकरण का आपका कोड ${code} है। यह ${minutes} मिनट तक और केवल एक बार मान्य है। इसे किसी को न बताएं।`,
      'यदि आपने इसका अनुरोध नहीं किया, तो इस संदेश को अनदेखा करें।',
    ].join('\n'),
    smsText: `CCTNS: ${code} is your citizen sign-up code, valid ${minutes} min. Do not share it. / पंजीकरण कोड ${code}, ${minutes} मिनट तक मान्य।`,
    secret: true,
    expiresAt,
  };
}

const existingAccountNotice: Notice = {
  kind: 'citizen_signup_existing',
  subject: 'CCTNS: you already have an account / आपका खाता पहले से है',
  emailText: [
    'Someone tried to sign up on the CCTNS citizen portal with your mobile number or e-mail address. You already have an account: log in, or use "Forgot password" if you do not remember it.',
    'If it was not you, you need do nothing.',
    '',
    'किसी ने आपके मोबाइल नंबर या ई-मेल से सीसीटीएनएस नागरिक पोर्टल पर पंजीकरण का प्रयास किया। आपका खाता पहले से है: लॉग इन करें, या "पासवर्ड भूल गए" का उपयोग करें।',
  ].join('\n'),
  smsText: 'CCTNS: you already have an account with this number. Log in or use Forgot password. / आपका खाता पहले से है।',
};

/**
 * Starts a sign-up. Always answers the same shape: a signup id and the masked channels the
 * code was sent to. Throws captcha_mismatch (400) for a wrong captcha.
 */
export async function startSignup(deps: Deps, actor: ActorContext, input: SignupInput) {
  await verifyCaptcha(deps, input.captchaId, input.captchaAnswer);
  const mobile = input.mobile ?? null;
  const email = input.email?.toLowerCase() ?? null;
  const keys = await serverKeys(deps.config, deps.db);
  const db = deps.db.kysely;
  // argon2 outside the transaction: PGlite has one connection, and a hash takes a while.
  const unusableHash = await hashPassword(randomBytes(32).toString('base64url'));
  const answer = {
    signupId: newId(),
    sentTo: [...(mobile ? [maskMobile(mobile)] : []), ...(email ? [maskEmail(email)] : [])],
    expiresInSeconds: OTP_TTL_MS / 1000,
  };
  await db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const holders = await repo.findAccountHolder(trx, mobile, email);
    const pending = holders.filter((h) => h.citizen_status === 'pending');
    const taken = holders.filter((h) => h.citizen_status !== 'pending');
    if (taken.length || pending.length > 1) {
      for (const h of taken.slice(0, 2))
        await notifyPerson(trx, deps.clock, { stateCode: h.state_code, email: h.email, mobile: h.mobile }, existingAccountNotice);
      await recordAudit(trx, deps.clock, actor, {
        action: 'citizen.signup_start',
        outcome: 'denied',
        details: { reason: 'already_registered' },
      });
      return;
    }
    let userId: string;
    if (pending.length === 1) {
      // A sign-up begun earlier and not finished: the same pending account gets a new code.
      userId = pending[0].id;
      if (pending[0].mobile !== mobile || (pending[0].email ?? null) !== email) {
        await recordAudit(trx, deps.clock, actor, {
          action: 'citizen.signup_start',
          outcome: 'denied',
          entityType: 'user',
          entityId: userId,
          details: { reason: 'channels_differ' },
        });
        return;
      }
      await repo.renamePending(trx, userId, input.name, now);
    } else {
      userId = newId();
      const opened = await repo.insertPendingCitizen(trx, {
        id: userId,
        stateCode: deps.config.STATE_CODE,
        username: mobile ?? email!,
        name: input.name,
        mobile,
        email,
        // No usable password until the sign-up completes.
        passwordHash: unusableHash,
        now,
      });
      if (!opened) {
        await recordAudit(trx, deps.clock, actor, {
          action: 'citizen.signup_start',
          outcome: 'denied',
          details: { reason: 'already_registered' },
        });
        return;
      }
    }
    answer.signupId = userId;
    const issued = await issueOtp(trx, deps.clock, keys, userId, SIGNUP);
    if (!issued) {
      await recordAudit(trx, deps.clock, actor, {
        action: 'citizen.signup_start',
        outcome: 'denied',
        entityType: 'user',
        entityId: userId,
        details: { reason: 'resend_too_soon' },
      });
      return;
    }
    const channels = await notifyPerson(
      trx,
      deps.clock,
      { stateCode: deps.config.STATE_CODE, email, mobile },
      signupOtpNotice(issued.code, OTP_TTL_MS / 60_000, issued.expiresAt),
    );
    await recordAudit(
      trx,
      deps.clock,
      { ...actor, userId },
      { action: 'citizen.signup_start', entityType: 'user', entityId: userId, details: { channels } },
    );
  });
  return answer;
}

/**
 * Completes a sign-up with the code and a password. A weak password is refused (422) before the
 * code is tried, so it does not use up a try. A wrong, expired or used code, or an unknown
 * signup id, answers otp_invalid (400). Returns the new session.
 */
export async function completeSignup(
  deps: Deps,
  actor: ActorContext,
  input: { signupId: string; otp: string; password: string },
  previousToken?: string,
): Promise<NewSession> {
  const db = deps.db.kysely;
  if (!isUuid(input.signupId)) throw otpInvalid();
  const pending = await repo.findPending(db, input.signupId);
  const check = await checkNewPassword(
    db,
    input.password,
    pending ? { username: pending.username, name: pending.name, name_hi: null, station_id: null } : undefined,
    'password',
  );
  if (!check.ok) throw passwordRejected(check, 'password');
  if (!pending) throw otpInvalid();
  const keys = await serverKeys(deps.config, deps.db);
  const checked = await db.transaction().execute(async (trx) => {
    const r = await checkOtp(trx, deps.clock, keys, pending.id, SIGNUP, input.otp.trim());
    if (r.result !== 'ok')
      await recordAudit(
        trx,
        deps.clock,
        { ...actor, userId: pending.id, username: pending.username, role: 'citizen' },
        {
          action: 'citizen.signup_verify',
          outcome: 'failure',
          entityType: 'user',
          entityId: pending.id,
          details: {
            reason: r.result === 'none' ? 'no_live_code' : 'wrong_code',
            ...(r.result === 'wrong' ? { triesLeft: r.triesLeft } : {}),
          },
        },
      );
    return r;
  });
  // Thrown after the commit, so the used try is kept.
  if (checked.result !== 'ok') throw otpInvalid();
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    if (!(await consumeOtp(trx, deps.clock, checked.otpId))) throw otpInvalid();
    if (
      !(await repo.activate(trx, { userId: pending.id, version: pending.version, mobile: pending.mobile, email: pending.email }, hash, now))
    )
      throw otpInvalid();
    const user = await findUserById(trx, pending.id);
    if (!user) throw new AppError(500, 'internal_error', 'The account could not be opened.', 'खाता नहीं खुल सका।');
    const who = { ...actor, userId: user.id, username: user.username, role: 'citizen', stateCode: user.state_code };
    await recordAudit(trx, deps.clock, who, { action: 'citizen.signup_complete', entityType: 'user', entityId: user.id });
    return openSession(deps, trx, user, who, { previousToken });
  });
}

export const signupChannelRequired = () =>
  badRequest('Give a mobile number or an e-mail address.', 'मोबाइल नंबर या ई-मेल पता दें।', {
    mobile: 'give a mobile number or an e-mail address',
  });
