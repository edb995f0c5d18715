-- Statutory clocks: the due dates the law sets from a case's recorded events (arrest ->
-- production in 24 h, first remand -> charge sheet in 60/90 days, registration -> rape/POCSO
-- investigation in 2 months and progress notice in 90 days). The clock engine
-- (modules/clocks) computes them from the events and the sections' punishments in the master
-- data, and rewrites a case's rows in the same transaction as any event that changes them.
-- (The e-FIR signature and preliminary enquiry clocks belong to complaints, before any FIR;
-- the clocks list reads them from the complaints module.)
-- Whether a clock is due or overdue is decided at read time from due_at and the current time,
-- never from a counter.

create table statutory_clock (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  key text not null,
  kind text not null check (kind in ('production_24h', 'charge_sheet_60_90', 'investigation_2_months', 'progress_notice_90d')),
  subject_id uuid,
  subject_label text,
  io_id uuid references app_user(id),
  fir_number text not null,
  started_at timestamptz not null,
  due_at timestamptz not null,
  stopped_at timestamptz,
  stop_reason text,
  basis text not null,
  basis_hi text not null,
  details jsonb not null default '{}'::jsonb,
  computed_at timestamptz not null,
  unique (fir_id, key),
  check (due_at >= started_at)
);
comment on table statutory_clock is 'A statutory deadline of a case as last computed from its events (a derived table, rewritten per case by the clock engine). Running while stopped_at is null; overdue when due_at has passed. Each carries its legal basis in English and Hindi.';
comment on column statutory_clock.key is 'kind, or kind:subject for per-person clocks (one per arrest), unique per case.';
comment on column statutory_clock.subject_id is 'The arrest memo a per-person clock belongs to.';
comment on column statutory_clock.io_id is 'The designated IO when computed, for "my clocks".';
comment on column statutory_clock.due_at is 'The last instant that is still in time (inclusive).';
comment on column statutory_clock.details is 'What the computation used: days (60/90), the deciding section, contested, journey minutes ...';
create index statutory_clock_running_idx on statutory_clock (state_code, due_at) where stopped_at is null;
create index statutory_clock_station_idx on statutory_clock (station_id, due_at) where stopped_at is null;
create index statutory_clock_io_idx on statutory_clock (io_id, due_at) where stopped_at is null;
