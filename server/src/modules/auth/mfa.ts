import type { AuthContext, Deps } from '../../http/types.js';
import { AppError, conflict } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { notifyPerson } from '../notify/service.js';
import { serverKeys } from './keys.js';
import { mfaChangedNotice } from './messages.js';
import * as repo from './repository.js';
import { endUserSessions } from './repository.js';
import { mfaCodeInvalid } from './service.js';
import { newRecoveryCode, newTotpSecret, otpauthUrl, qrDataUrl, RECOVERY_CODE_COUNT, recoveryCodeMac, verifyTotp } from './totp.js';

/** An enrolment not confirmed within this time must start again. */
const PENDING_TTL_MS = 15 * 60_000;

export const mfaAlreadyEnabled = () =>
  conflict(
    'mfa_already_enabled',
    'Two-factor authentication is already on. Only an administrator can reset it.',
    'दो-चरणीय प्रमाणीकरण पहले से चालू है। केवल प्रशासक ही इसे रीसेट कर सकते हैं।',
  );

/**
 * Starts TOTP enrolment: a new secret, kept (encrypted) as pending until the first code confirms
 * it. Returns the secret, the otpauth:// URL and its QR code; nothing changes for the login until
 * confirmation.
 */
export async function beginTotpEnrolment(deps: Deps, auth: AuthContext) {
  const keys = await serverKeys(deps.config, deps.db);
  const db = deps.db.kysely;
  const state = await repo.getAuthState(db, auth.user.id);
  if (state?.totp_enabled_at) throw mfaAlreadyEnabled();
  const secret = newTotpSecret();
  const now = deps.clock.now();
  await repo.upsertAuthState(db, auth.user.id, { totp_pending_secret: keys.encrypt(secret), totp_pending_at: now }, now);
  const url = otpauthUrl(secret, auth.user.username, `CCTNS ${auth.user.stateCode}`);
  return { secret, otpauthUrl: url, qrDataUrl: await qrDataUrl(url) };
}

/**
 * Confirms enrolment with a first code from the app: TOTP goes on, and ten recovery codes are
 * made, returned this once and stored only as HMACs. The user gets a notice.
 */
export async function confirmTotpEnrolment(deps: Deps, auth: AuthContext, actor: ActorContext, code: string) {
  const keys = await serverKeys(deps.config, deps.db);
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const state = await repo.getAuthState(db, auth.user.id);
  if (state?.totp_enabled_at) throw mfaAlreadyEnabled();
  if (!state?.totp_pending_secret || !state.totp_pending_at || now.getTime() - state.totp_pending_at.getTime() > PENDING_TTL_MS)
    throw conflict('mfa_enrolment_not_started', 'Start the set-up again: scan the new QR code.', 'सेट-अप फिर से शुरू करें: नया QR कोड स्कैन करें।');
  const secret = keys.decrypt(state.totp_pending_secret);
  const step = verifyTotp(secret, code, now, null);
  if (step === undefined) throw mfaCodeInvalid();
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('auth_state')
      .set({
        totp_secret: state.totp_pending_secret,
        totp_enabled_at: now,
        totp_last_step: step,
        totp_pending_secret: null,
        totp_pending_at: null,
        updated_at: now,
      })
      .where('user_id', '=', auth.user.id)
      .where('totp_enabled_at', 'is', null)
      .where('totp_pending_secret', '=', state.totp_pending_secret!)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw mfaAlreadyEnabled();
    await repo.replaceRecoveryCodes(
      trx,
      auth.user.id,
      recoveryCodes.map((c) => ({ id: newId(), code_hash: recoveryCodeMac(keys, auth.user.id, c) })),
      now,
    );
    await recordAudit(trx, deps.clock, actor, {
      action: 'auth.mfa.enrol',
      entityType: 'user',
      entityId: auth.user.id,
      stationId: auth.user.stationId,
      districtId: auth.user.districtId,
      details: { method: 'totp', backupCodes: RECOVERY_CODE_COUNT },
    });
    await notifyPerson(trx, deps.clock, auth.user, mfaChangedNotice(now, 'enabled'));
  });
  return { recoveryCodes };
}

/**
 * An administrator resets a user's 2FA (lost phone): TOTP and recovery codes are removed, every
 * session of the user ends, and a user whose role needs 2FA enrols again at the next login.
 * An administrator cannot reset their own: another administrator must.
 */
export async function resetMfaByAdmin(deps: Deps, auth: AuthContext, actor: ActorContext, userId: string) {
  if (userId === auth.user.id)
    throw conflict(
      'cannot_reset_own_mfa',
      'Another administrator must reset your two-factor authentication.',
      'आपका दो-चरणीय प्रमाणीकरण किसी अन्य प्रशासक को रीसेट करना होगा।',
    );
  return deps.db.kysely.transaction().execute(async (trx) => {
    const u = await repo.findUserInState(trx, auth.user.stateCode, userId);
    if (!u) throw new AppError(404, 'user_not_found', 'User not found.', 'उपयोगकर्ता नहीं मिला।');
    const now = deps.clock.now();
    const state = await repo.getAuthState(trx, userId);
    const wasEnabled = !!state?.totp_enabled_at;
    await repo.upsertAuthState(
      trx,
      userId,
      { totp_secret: null, totp_enabled_at: null, totp_last_step: null, totp_pending_secret: null, totp_pending_at: null },
      now,
    );
    await repo.deleteRecoveryCodes(trx, userId);
    const ended = await endUserSessions(trx, userId, now, 'mfa_reset_by_admin');
    await recordAudit(trx, deps.clock, actor, {
      action: 'auth.mfa.reset',
      entityType: 'user',
      entityId: userId,
      stationId: u.station_id,
      districtId: u.district_id,
      details: { wasEnabled, sessionsEnded: ended },
    });
    if (wasEnabled)
      await notifyPerson(
        trx,
        deps.clock,
        { stateCode: u.state_code, email: u.email, mobile: u.mobile },
        mfaChangedNotice(now, 'reset_by_admin'),
      );
    return { userId, mfaEnabled: false, wasEnabled, sessionsEnded: ended };
  });
}
