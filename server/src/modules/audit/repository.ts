import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';

export interface AuditInsert {
  id: string;
  occurred_at: Date;
  state_code: string;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  station_id: string | null;
  district_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

export async function insertAudit(db: Kysely<Database>, row: AuditInsert): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({ ...row, details: JSON.stringify(row.details) })
    .execute();
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: string;
  limit: number;
  beforeSeq?: number;
}

/**
 * Audit events in the viewer's scope, newest first. State-level viewers see every event of
 * their state; narrower viewers see the events of their stations or district.
 */
export async function listAudit(db: Kysely<Database>, scope: Scope, f: AuditFilter) {
  let q = db
    .selectFrom('audit_event')
    .select([
      'id',
      'seq',
      'occurred_at',
      'actor_id',
      'actor_username',
      'actor_role',
      'action',
      'entity_type',
      'entity_id',
      'station_id',
      'district_id',
      'outcome',
      'ip',
      'user_agent',
      'request_id',
      'details',
    ])
    .where(
      scope.level === 'state'
        ? sql<boolean>`state_code = ${scope.stateCode}`
        : inScope(scope, { subdivision: 'district_id' /* no sub-division on audit rows */ }),
    );
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<', f.to);
  if (f.actor) q = q.where('actor_username', '=', f.actor.trim().toLowerCase());
  if (f.action) q = q.where('action', 'like', `${f.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome as 'success');
  if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq as never);
  return q.orderBy('seq', 'desc').limit(f.limit).execute();
}

export interface ChainBreak {
  seq: number;
  id: string;
  /** The lane of the chain (migration 0004) and the row's position in it. */
  lane: number;
  lanePos: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap';
}

/**
 * Walks every lane of the chain in order (lane, lane_pos), in pages, recomputing each row's hash
 * in SQL with the same canonical text the trigger used. A lane's positions run 1, 2, 3… without
 * gaps, each row's prev_hash is the hash of the row before it in the lane, and the first row's
 * is 64 zeros. Returns the first broken row, or undefined.
 */
export async function findFirstBreak(db: Kysely<Database>, pageSize = 5000): Promise<{ checked: number; broken?: ChainBreak }> {
  const GENESIS = '0'.repeat(64);
  let lane = -1;
  let lastPos = 0;
  let lastHash = GENESIS;
  let checked = 0;
  for (;;) {
    const rows = await sql<{
      id: string;
      seq: number;
      lane: number;
      lane_pos: number;
      prev_hash: string;
      hash: string;
      recomputed: string;
    }>`
      select e.id, e.seq, e.lane, e.lane_pos, e.prev_hash, e.hash,
             encode(sha256(convert_to(e.prev_hash || '|' || audit_canonical(e), 'UTF8')), 'hex') as recomputed
        from audit_event e
       where (e.lane, e.lane_pos) > (${lane}::smallint, ${lastPos}::bigint)
       order by e.lane, e.lane_pos
       limit ${pageSize}`.execute(db);
    if (rows.rows.length === 0) return { checked };
    for (const r of rows.rows) {
      const seq = Number(r.seq);
      const pos = Number(r.lane_pos);
      if (r.lane !== lane) {
        lane = r.lane;
        lastPos = 0;
        lastHash = GENESIS;
      }
      const at = { seq, id: r.id, lane, lanePos: pos };
      if (pos !== lastPos + 1) return { checked, broken: { ...at, reason: 'gap' } };
      if (r.prev_hash !== lastHash) return { checked, broken: { ...at, reason: 'prev_hash_mismatch' } };
      if (r.recomputed !== r.hash) return { checked, broken: { ...at, reason: 'hash_mismatch' } };
      lastPos = pos;
      lastHash = r.hash;
      checked++;
    }
  }
}
