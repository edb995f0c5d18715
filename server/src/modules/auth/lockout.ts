import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Deps } from '../../http/types.js';
import { AppError, tooManyRequests } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { istClock } from './messages.js';
import * as repo from './repository.js';

/**
 * Guessing limits (CJIS 5.5.3, OWASP ASVS V6.3, NIST 800-63B 5.2.2).
 *
 * Officers (every role but citizen): 5 wrong passwords or wrong second-factor codes within 15
 * minutes lock the account for 30 minutes. While locked even the right password is refused,
 * with the same message; an administrator can unlock sooner. A success resets the count.
 *
 * Citizens: no hard lock, so that nobody can lock a citizen out on purpose; instead each
 * failure after the third makes the next try wait longer (5 s, 10 s, 20 s … at most 15 min),
 * answered 429 with Retry-After.
 */
export const LOCK_THRESHOLD = 5;
export const LOCK_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 30 * 60_000;
const CITIZEN_WINDOW_MS = 24 * 3600_000;

export const usesBackoff = (role: string): boolean => role === 'citizen';

/** Seconds a citizen waits after their n-th failure in a row: 0, 0, 5, 10, 20 … 900. */
export function citizenDelaySeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(900, 5 * 2 ** (failures - 3));
}

export const accountLocked = (until: Date) =>
  new AppError(
    423,
    'account_locked',
    `This account is locked until ${istClock(until)} (IST); contact your administrator.`,
    `यह खाता ${istClock(until)} (IST) तक लॉक है; अपने प्रशासक से संपर्क करें।`,
  );

interface Who {
  id: string;
  role: string;
}

/**
 * Refuses a try before any password is checked: 423 while an officer's account is locked, 429
 * while a citizen's delay runs. Returns the lock end when locked, so the caller can burn the
 * same verification time before refusing.
 */
export async function lockState(db: Kysely<Database>, deps: Deps, user: Who): Promise<{ lockedUntil?: Date; retryAfterSeconds?: number }> {
  const now = deps.clock.now();
  if (usesBackoff(user.role)) {
    const f = await repo.failuresSince(db, user.id, new Date(now.getTime() - CITIZEN_WINDOW_MS));
    const wait = citizenDelaySeconds(f.count);
    if (wait && f.last) {
      const until = f.last.getTime() + wait * 1000;
      if (until > now.getTime()) return { retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
    }
    return {};
  }
  const lockedUntil = lockedUntilOf(await repo.getAuthState(db, user.id), now);
  return lockedUntil ? { lockedUntil } : {};
}

/** When an officer's lock ends, if it is still running at `now`. */
export function lockedUntilOf(state: { locked_until: Date | null } | undefined, now: Date): Date | undefined {
  return state?.locked_until && state.locked_until.getTime() > now.getTime() ? state.locked_until : undefined;
}

export function refuseIfLocked(state: { lockedUntil?: Date; retryAfterSeconds?: number }) {
  if (state.lockedUntil) throw accountLocked(state.lockedUntil);
  if (state.retryAfterSeconds) throw tooManyRequests(state.retryAfterSeconds);
}

/**
 * Counts one wrong password or code. For an officer reaching the threshold, locks the account,
 * ends any session still waiting for its second factor and audits the lockout. Run it in the
 * transaction that audits the failure. A null user (unknown username) is recorded too, so both
 * cases do the same work.
 */
export async function recordFailure(
  trx: Kysely<Database>,
  deps: Deps,
  actor: ActorContext,
  user: (Who & { username: string; state_code: string }) | null,
  kind: 'password' | 'second_factor',
): Promise<{ lockedUntil?: Date }> {
  const now = deps.clock.now();
  await repo.insertFailure(trx, { id: newId(), user_id: user?.id ?? null, kind, occurred_at: now, ip: actor.ip });
  if (!user || usesBackoff(user.role)) return {};
  const f = await repo.failuresSince(trx, user.id, new Date(now.getTime() - LOCK_WINDOW_MS));
  if (f.count < LOCK_THRESHOLD) return {};
  const lockedUntil = new Date(now.getTime() + LOCK_DURATION_MS);
  await repo.upsertAuthState(trx, user.id, { locked_until: lockedUntil, locked_at: now }, now);
  await repo.clearFailures(trx, user.id);
  await repo.endPendingSessions(trx, user.id, now, 'locked');
  await recordAudit(
    trx,
    deps.clock,
    { ...actor, userId: user.id, username: user.username, role: user.role, stateCode: user.state_code },
    {
      action: 'auth.lockout',
      outcome: 'failure',
      entityType: 'user',
      entityId: user.id,
      details: { failures: f.count, windowMinutes: LOCK_WINDOW_MS / 60_000, lockedUntil: lockedUntil.toISOString(), lastKind: kind },
    },
  );
  return { lockedUntil };
}

/** A full success: the count starts again from zero. */
export async function recordSuccess(trx: Kysely<Database>, userId: string) {
  await repo.clearFailures(trx, userId);
}

/** An administrator lifts a lock (and the count behind it). Returns whether the account was locked. */
export async function unlockAccount(deps: Deps, actor: ActorContext, admin: { stateCode: string }, userId: string) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const u = await repo.findUserInState(trx, admin.stateCode, userId);
    if (!u) throw new AppError(404, 'user_not_found', 'User not found.', 'उपयोगकर्ता नहीं मिला।');
    const now = deps.clock.now();
    const s = await repo.getAuthState(trx, userId);
    const wasLocked = !!s?.locked_until && s.locked_until.getTime() > now.getTime();
    await repo.upsertAuthState(trx, userId, { locked_until: null, locked_at: null }, now);
    await repo.clearFailures(trx, userId);
    await recordAudit(trx, deps.clock, actor, {
      action: 'auth.unlock',
      entityType: 'user',
      entityId: userId,
      stationId: u.station_id,
      districtId: u.district_id,
      details: { wasLocked },
    });
    return { userId, wasLocked, locked: false };
  });
}
