import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { Scope } from '../../policy/index.js';
import { findFirstBreak, insertAudit, listAudit, type AuditFilter } from './repository.js';

/** Who is acting and from where: taken from the request, carried into every audit row. */
export interface ActorContext {
  stateCode: string;
  userId: string | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditRecord {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  entityType?: string;
  entityId?: string;
  stationId?: string | null;
  districtId?: string | null;
  details?: Record<string, unknown>;
}

/** Keys that must never reach the audit trail, even by mistake. */
const SECRET_KEYS = /password|^otp$|token|secret|^code$|recoverycode|captchaanswer/i;

function scrub(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : v;
  return out;
}

/**
 * Appends one audit row. Pass the transaction that makes the change, so the row commits or
 * rolls back with it.
 */
export async function recordAudit(db: Kysely<Database>, clock: Clock, actor: ActorContext, rec: AuditRecord): Promise<void> {
  await insertAudit(db, {
    id: newId(),
    occurred_at: clock.now(),
    state_code: actor.stateCode,
    actor_id: actor.userId,
    actor_username: actor.username,
    actor_role: actor.role,
    action: rec.action,
    entity_type: rec.entityType ?? null,
    entity_id: rec.entityId ?? null,
    station_id: rec.stationId ?? null,
    district_id: rec.districtId ?? null,
    outcome: rec.outcome ?? 'success',
    ip: actor.ip,
    user_agent: actor.userAgent ? actor.userAgent.slice(0, 300) : null,
    request_id: actor.requestId,
    details: scrub(rec.details ?? {}),
  });
}

export const listAuditEvents = (db: Kysely<Database>, scope: Scope, f: AuditFilter) => listAudit(db, scope, f);

export const verifyAuditChain = (db: Kysely<Database>) => findFirstBreak(db);
