import { sql, type ColumnType, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';

type Timestamp = ColumnType<Date, Date | string, never>;
type Json = ColumnType<unknown, string, never>;

export interface GdDayCounterTable {
  station_id: string;
  day: string;
  last: number;
}

export interface GdEntryTable {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  day: ColumnType<string, string, never>;
  entry_no: number;
  recorded_at: Timestamp;
  kind: string;
  text: string;
  officer_id: string | null;
  officer_name: string;
  officer_rank: string | null;
  ref_type: string | null;
  ref_id: string | null;
  corrects_id: string | null;
  details: Json;
}

declare module '../../db/types.js' {
  interface Database {
    gd_day_counter: GdDayCounterTable;
    gd_entry: GdEntryTable;
  }
}

export type GdEntryRow = {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  day: string;
  entry_no: number;
  recorded_at: Date;
  kind: string;
  text: string;
  officer_id: string | null;
  officer_name: string;
  officer_rank: string | null;
  ref_type: string | null;
  ref_id: string | null;
  corrects_id: string | null;
  details: unknown;
};

/**
 * The next GD number of a station's IST day. The upsert locks the counter row until the
 * transaction ends, so concurrent writers get consecutive numbers and a rollback gives its
 * number back.
 */
export async function nextGdNumber(db: Kysely<Database>, stationId: string, day: string): Promise<number> {
  const r = await db
    .insertInto('gd_day_counter')
    .values({ station_id: stationId, day, last: 1 })
    .onConflict((oc) => oc.columns(['station_id', 'day']).doUpdateSet({ last: sql<number>`gd_day_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(r.last);
}

export async function insertGdEntry(
  db: Kysely<Database>,
  row: Omit<GdEntryRow, 'details'> & { details: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('gd_entry')
    .values({ ...row, details: JSON.stringify(row.details) })
    .execute();
}

/** A GD entry in the caller's jurisdiction, or undefined. */
export async function findGdEntry(db: Kysely<Database>, scope: Scope, id: string): Promise<GdEntryRow | undefined> {
  return db.selectFrom('gd_entry').selectAll().where(inScope(scope)).where('id', '=', id).executeTakeFirst() as Promise<
    GdEntryRow | undefined
  >;
}

/** Unscoped: for checks inside a write whose caller was already scoped (e.g. the station's own entry). */
export async function findGdEntryAtStation(db: Kysely<Database>, stationId: string, id: string): Promise<GdEntryRow | undefined> {
  return db.selectFrom('gd_entry').selectAll().where('station_id', '=', stationId).where('id', '=', id).executeTakeFirst() as Promise<
    GdEntryRow | undefined
  >;
}

export async function listGdDay(db: Kysely<Database>, scope: Scope, stationId: string, day: string): Promise<GdEntryRow[]> {
  return db
    .selectFrom('gd_entry')
    .selectAll()
    .where(inScope(scope))
    .where('station_id', '=', stationId)
    .where('day', '=', day)
    .orderBy('entry_no')
    .execute() as Promise<GdEntryRow[]>;
}

export async function countGdSince(db: Kysely<Database>, scope: Scope, since: Date): Promise<number> {
  const r = await db
    .selectFrom('gd_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inScope(scope))
    .where('recorded_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
