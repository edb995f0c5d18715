-- Foundation: organisation (state > district > sub-division > station > beat), users,
-- sessions and the hash-chained audit trail. Runs identically on PostgreSQL and PGlite.

create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;

create table state (
  code text primary key check (code ~ '^[A-Z]{2}$'),
  name text not null,
  name_hi text not null,
  population bigint,
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);
comment on table state is 'A state or union territory; each deployment serves one state (its home state) and may hold copies of other states'' records received by federation.';
comment on column state.is_demo is 'True for the fictitious demo state seeded by npm start; the web app shows a DEMO banner.';

create table district (
  id uuid primary key,
  state_code text not null references state(code),
  code text not null,
  name text not null,
  name_hi text not null,
  population bigint,
  version int not null default 1,
  created_at timestamptz not null default now(),
  unique (state_code, code)
);
comment on table district is 'A police district, headed by an SP.';
comment on column district.population is 'Census population; the denominator of NCRB crime rates (per lakh).';

create table subdivision (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  code text not null,
  name text not null,
  name_hi text not null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  unique (state_code, code)
);
comment on table subdivision is 'A police sub-division of a district, supervised by an SDPO (DSP rank).';

create table station (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  code text not null,
  name text not null,
  name_hi text not null,
  address text,
  phone text,
  lat double precision,
  lng double precision,
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  unique (state_code, code)
);
comment on table station is 'A police station (thana). district_id is denormalised from the sub-division so that jurisdiction filters are one comparison.';
comment on column station.code is 'The station code used in FIR numbers and the public case-status lookup; unique within the state.';
create index station_district_idx on station (district_id);
create index station_subdivision_idx on station (subdivision_id);

create table beat (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  code text not null,
  name text not null,
  name_hi text not null,
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  unique (station_id, code)
);
comment on table beat is 'A beat: the patrol area of a station assigned to constables.';
create index beat_station_idx on beat (station_id);

create table app_user (
  id uuid primary key,
  state_code text not null references state(code),
  username text not null,
  name text not null,
  name_hi text,
  email text,
  mobile text,
  role text not null check (role in ('citizen','duty_officer','io','sho','sdpo','sp','scrb','admin','court')),
  rank text,
  district_id uuid references district(id),
  subdivision_id uuid references subdivision(id),
  station_id uuid references station(id),
  password_hash text not null,
  password_temporary boolean not null default false,
  password_changed_at timestamptz not null default now(),
  disabled_at timestamptz,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table app_user is 'Every person who logs in: police officers, administrators, court clerks and citizens.';
comment on column app_user.username is 'Stored lower-case and trimmed; matched case- and whitespace-insensitively.';
comment on column app_user.station_id is 'Station-level roles (duty officer, IO, SHO) have a station; SDPO a sub-division; SP a district; SCRB and admin the whole state; citizens none.';
comment on column app_user.password_temporary is 'Set when an administrator issues a password; the user must change it at the next login.';
comment on column app_user.version is 'Optimistic lock: updates say where version = $n; zero rows updated answers 412.';
create unique index app_user_username_idx on app_user (username);
create unique index app_user_email_idx on app_user (lower(email)) where email is not null;
create index app_user_station_idx on app_user (station_id);

create table session (
  id text primary key,
  user_id uuid not null references app_user(id),
  state_code text not null,
  csrf_token text not null,
  mfa_pending boolean not null default false,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ended_at timestamptz,
  end_reason text,
  ip text,
  user_agent text
);
comment on table session is 'Server-side login sessions. The cookie holds a 256-bit random token; only its SHA-256 is stored here (id), so a leaked table does not leak live sessions.';
comment on column session.mfa_pending is 'The password was right but the second factor is still owed; such a session reaches only the MFA route.';
comment on column session.expires_at is 'Absolute end (login time + SESSION_ABSOLUTE_HOURS); the idle limit is checked against last_seen_at.';
create index session_user_idx on session (user_id) where ended_at is null;

-- The audit trail. Append-only and hash-chained: the trigger below takes a transaction-level
-- advisory lock, numbers the row (seq) after the last one and stores
--   hash = sha256(prev_hash || '|' || canonical text of the row)
-- so a removed or altered row breaks the chain at that row. A second trigger refuses UPDATE
-- and DELETE, so even the application cannot rewrite history.
create table audit_event (
  id uuid primary key,
  seq bigint not null unique,
  occurred_at timestamptz not null,
  state_code text not null,
  actor_id uuid,
  actor_username text,
  actor_role text,
  action text not null,
  entity_type text,
  entity_id text,
  station_id uuid,
  district_id uuid,
  outcome text not null check (outcome in ('success','failure','denied')),
  ip text,
  user_agent text,
  request_id text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);
comment on table audit_event is 'Append-only, hash-chained audit trail of every change and every read of a person''s or case''s record.';
comment on column audit_event.seq is 'Position in the chain, assigned by the trigger under an advisory lock.';
comment on column audit_event.hash is 'sha256 hex of prev_hash, a bar, and the row''s canonical text (audit_canonical).';
create index audit_event_occurred_idx on audit_event (occurred_at);
create index audit_event_actor_idx on audit_event (actor_id, occurred_at);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);
create index audit_event_station_idx on audit_event (station_id, occurred_at);

create function audit_canonical(e audit_event) returns text
language sql immutable as $$
  select concat_ws('|',
    e.id::text, e.seq::text,
    to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.state_code, coalesce(e.actor_id::text, ''), coalesce(e.actor_username, ''), coalesce(e.actor_role, ''),
    e.action, coalesce(e.entity_type, ''), coalesce(e.entity_id, ''),
    coalesce(e.station_id::text, ''), coalesce(e.district_id::text, ''),
    e.outcome, coalesce(e.ip, ''), coalesce(e.user_agent, ''), coalesce(e.request_id, ''),
    e.details::text)
$$;

create function audit_chain() returns trigger
language plpgsql as $$
declare
  last_seq bigint;
  last_hash text;
begin
  -- Serialise appenders so that the chain has one order; held until commit.
  perform pg_advisory_xact_lock(727274);
  select seq, hash into last_seq, last_hash from audit_event order by seq desc limit 1;
  new.seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := coalesce(last_hash, repeat('0', 64));
  new.hash := encode(sha256(convert_to(new.prev_hash || '|' || audit_canonical(new), 'UTF8')), 'hex');
  return new;
end
$$;

create trigger audit_event_chain before insert on audit_event
  for each row execute function audit_chain();

create function audit_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'P0001';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_refuse_change();
