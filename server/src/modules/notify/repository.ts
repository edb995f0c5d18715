import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

export interface DevMessageTable {
  id: string;
  outbox_id: string;
  state_code: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  kind: string | null;
  delivered_at: import('kysely').ColumnType<Date, Date | string, Date | string>;
}

declare module '../../db/types.js' {
  interface Database {
    notify_dev_message: DevMessageTable;
  }
}

/** The outbox topics this module delivers; other topics (federation, court) belong to others. */
export const NOTIFY_TOPICS = ['email', 'sms'] as const;
export type Channel = (typeof NOTIFY_TOPICS)[number];

export interface ClaimedMessage {
  id: string;
  state_code: string;
  topic: Channel;
  payload: unknown;
  attempts: number;
  created_at: Date;
}

/**
 * Claims up to `limit` due messages: pushes their available_at to `leaseUntil` and counts the
 * attempt, in one statement. `for update skip locked` lets several server processes relay at
 * once without sending a message twice; a process that dies mid-send leaves the row to be
 * retried when the lease runs out.
 */
export async function claimDue(db: Kysely<Database>, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
  const r = await sql<ClaimedMessage>`
    update outbox set available_at = ${leaseUntil}, attempts = attempts + 1
     where id in (
       select id from outbox
        where delivered_at is null and failed_at is null
          and topic in ('email', 'sms')
          and available_at <= ${now}
        order by available_at
        limit ${limit}
        for update skip locked)
    returning id, state_code, topic, payload, attempts, created_at`.execute(db);
  // RETURNING keeps no order: deliver the oldest first.
  return r.rows.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
}

export async function markDelivered(db: Kysely<Database>, id: string, now: Date, scrubbedPayload?: unknown) {
  await db
    .updateTable('outbox')
    .set({ delivered_at: now, last_error: null, ...(scrubbedPayload !== undefined ? { payload: JSON.stringify(scrubbedPayload) } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function markRetry(db: Kysely<Database>, id: string, at: Date, error: string) {
  await db
    .updateTable('outbox')
    .set({ available_at: at, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Kysely<Database>, id: string, now: Date, error: string, scrubbedPayload?: unknown) {
  await db
    .updateTable('outbox')
    .set({
      failed_at: now,
      last_error: error.slice(0, 500),
      ...(scrubbedPayload !== undefined ? { payload: JSON.stringify(scrubbedPayload) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertDevMessage(db: Kysely<Database>, m: Omit<DevMessageTable, 'delivered_at'> & { delivered_at: Date }) {
  await db.insertInto('notify_dev_message').values(m).execute();
}

export async function listDevMessages(db: Kysely<Database>, stateCode: string, f: { to?: string; limit: number }) {
  let q = db.selectFrom('notify_dev_message').selectAll().where('state_code', '=', stateCode);
  if (f.to) q = q.where('recipient', '=', f.to);
  return q.orderBy('delivered_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}
