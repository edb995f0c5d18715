import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely. Modules add their own tables by module augmentation:
 *
 *   declare module '../../db/types.js' { interface Database { fir: FirTable } }
 *
 * so that each module owns its tables' types beside its repository.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface StateTable {
  code: string;
  name: string;
  name_hi: string;
  population: number | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DistrictTable {
  id: string;
  state_code: string;
  code: string;
  name: string;
  name_hi: string;
  population: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface SubdivisionTable {
  id: string;
  state_code: string;
  district_id: string;
  code: string;
  name: string;
  name_hi: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface StationTable {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  code: string;
  name: string;
  name_hi: string;
  address: string | null;
  phone: string | null;
  lat: number | null;
  lng: number | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface BeatTable {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  code: string;
  name: string;
  name_hi: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface AppUserTable {
  id: string;
  state_code: string;
  username: string;
  name: string;
  name_hi: string | null;
  email: string | null;
  mobile: string | null;
  role: string;
  rank: string | null;
  district_id: string | null;
  subdivision_id: string | null;
  station_id: string | null;
  password_hash: string;
  password_temporary: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  disabled_at: Timestamp | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionTable {
  id: string;
  user_id: string;
  state_code: string;
  csrf_token: string;
  mfa_pending: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventTable {
  id: string;
  seq: ColumnType<number, never, never>;
  occurred_at: Timestamp;
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
  details: Json;
  /** Chain lane and position in it (migration 0004), set by the trigger. */
  lane: ColumnType<number, never, never>;
  lane_pos: ColumnType<number, never, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

export interface OutboxTable {
  id: string;
  state_code: string;
  topic: string;
  payload: Json;
  dedupe_key: string | null;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  delivered_at: Timestamp | null;
  failed_at: Timestamp | null;
}

export interface IdempotencyKeyTable {
  key: string;
  scope: string;
  user_id: string;
  request_hash: string;
  response_status: number;
  response_body: Json;
  created_at: Timestamp;
}

export interface PersonTable {
  id: string;
  state_code: string;
  name: string;
  name_hi: string | null;
  father_name: string | null;
  mother_name: string | null;
  spouse_name: string | null;
  sex: 'male' | 'female' | 'transgender' | 'unknown' | null;
  birth_date: string | null;
  age_years: number | null;
  age_on: string | null;
  address: string | null;
  district_id: string | null;
  phone: string | null;
  nationality: ColumnType<string | null, string | null | undefined, string | null>;
  occupation: string | null;
  created_station_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  merged_into_id: string | null;
  version: ColumnType<number, number | undefined, number>;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface Database {
  state: StateTable;
  district: DistrictTable;
  subdivision: SubdivisionTable;
  station: StationTable;
  beat: BeatTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  outbox: OutboxTable;
  idempotency_key: IdempotencyKeyTable;
  person: PersonTable;
  schema_migration: SchemaMigrationTable;
}
