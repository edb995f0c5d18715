import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { ServerKeys } from './keys.js';
import * as repo from './repository.js';

/**
 * One-time codes (password reset; citizen sign-in later). OWASP ASVS V6.6 / NIST 800-63B 5.1.3:
 * 6 digits from a cryptographic source, valid for 10 minutes, used once, at most 5 tries,
 * bound to one user and one purpose, a new code ends the old one, stored only as an HMAC.
 */
export const OTP_TTL_MS = 10 * 60_000;
export const OTP_MAX_TRIES = 5;
/** A second code within this time is not sent (no SMS bombing); the caller still answers alike. */
export const OTP_RESEND_MS = 60_000;

/** What a code was issued for; a code works only for its purpose. */
export type OtpPurpose = 'password_reset' | 'citizen_signup' | 'citizen_login';

export const sixDigits = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * Issues a code, ending any live one of the same user and purpose. Returns undefined (and
 * sends nothing) when a code was issued less than a minute ago.
 */
export async function issueOtp(
  trx: Kysely<Database>,
  clock: Clock,
  keys: ServerKeys,
  userId: string,
  purpose: OtpPurpose,
): Promise<{ code: string; expiresAt: Date } | undefined> {
  const now = clock.now();
  const live = await repo.findLiveOtp(trx, userId, purpose);
  if (live && now.getTime() - live.created_at.getTime() < OTP_RESEND_MS && live.expires_at.getTime() > now.getTime()) return undefined;
  await repo.endLiveOtps(trx, userId, purpose, now, 'superseded');
  const id = newId();
  const code = sixDigits();
  const expiresAt = new Date(now.getTime() + OTP_TTL_MS);
  await repo.insertOtp(trx, {
    id,
    user_id: userId,
    purpose,
    code_hash: keys.mac('otp', id, purpose, code),
    created_at: now,
    expires_at: expiresAt,
  });
  return { code, expiresAt };
}

export type OtpCheck = { result: 'ok'; otpId: string } | { result: 'wrong'; triesLeft: number } | { result: 'none' };

/**
 * Checks a code against the user's live code for the purpose. A wrong code uses a try; the
 * fifth wrong try ends the code. An expired code is ended. 'ok' does not use the code up yet:
 * the caller ends it with `consumeOtp` in the transaction that acts on it.
 */
export async function checkOtp(
  trx: Kysely<Database>,
  clock: Clock,
  keys: ServerKeys,
  userId: string,
  purpose: OtpPurpose,
  code: string,
): Promise<OtpCheck> {
  const now = clock.now();
  const live = await repo.findLiveOtp(trx, userId, purpose);
  if (!live) return { result: 'none' };
  if (live.expires_at.getTime() <= now.getTime()) {
    await repo.endOtp(trx, live.id, now, 'expired');
    return { result: 'none' };
  }
  if (/^\d{6}$/.test(code) && keys.macEquals(live.code_hash, 'otp', live.id, purpose, code)) return { result: 'ok', otpId: live.id };
  const tries = await repo.addOtpAttempt(trx, live.id);
  if (tries >= OTP_MAX_TRIES) await repo.endOtp(trx, live.id, now, 'too_many_tries');
  return { result: 'wrong', triesLeft: Math.max(0, OTP_MAX_TRIES - tries) };
}

/** Uses the code up; false when a concurrent request already did. */
export const consumeOtp = (trx: Kysely<Database>, clock: Clock, otpId: string) => repo.endOtp(trx, otpId, clock.now(), 'used');
