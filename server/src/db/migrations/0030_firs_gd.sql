-- FIR registration (IIF-1), FIR numbering, addenda, zero-FIR transfer, and the General Diary.
--
-- Registered records are immutable: gd_entry, fir, fir_section and fir_addendum refuse UPDATE,
-- DELETE and TRUNCATE by trigger. What must change over an FIR's life (stage, the sensitive
-- flag, the transfer state) lives in fir_status, one mutable row per FIR carrying a version.

-- ---------------------------------------------------------------------------------------------
-- General Diary
-- ---------------------------------------------------------------------------------------------

create table gd_day_counter (
  station_id uuid not null references station(id),
  day date not null,
  last int not null,
  primary key (station_id, day)
);
comment on table gd_day_counter is 'The last GD entry number given at a station on an IST calendar day. Taken with insert .. on conflict do update .. returning, which locks the row until commit, so numbers have no gaps and no duplicates.';

create table gd_entry (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  day date not null,
  entry_no int not null check (entry_no > 0),
  recorded_at timestamptz not null,
  kind text not null check (kind ~ '^[a-z][a-z_]{1,39}$'),
  text text not null check (length(text) between 1 and 20000),
  officer_id uuid references app_user(id),
  officer_name text not null,
  officer_rank text,
  ref_type text,
  ref_id uuid,
  corrects_id uuid references gd_entry(id),
  details jsonb not null default '{}'::jsonb,
  unique (station_id, day, entry_no)
);
comment on table gd_entry is 'The General Diary (roznamcha): the station''s running, append-only record of everything that happens, numbered per station per IST day and time-stamped by the server. A correction is a new entry whose corrects_id points at the old one.';
comment on column gd_entry.day is 'The calendar day in India (IST) of recorded_at; numbering restarts at 1 each IST day.';
comment on column gd_entry.entry_no is 'The GD (rapat) number within the day, assigned under the gd_day_counter row lock.';
comment on column gd_entry.recorded_at is 'Server time (the injected clock) taken after the number was assigned, so numbers and times run in the same order.';
comment on column gd_entry.kind is 'information, fir_registered, ncr, complaint, transfer_out, transfer_in, arrest, release, departure, arrival, manual, correction, ... (the list is kept in firs/gd code; other modules add kinds).';
comment on column gd_entry.ref_type is 'What the entry is about (fir, complaint, arrest, ...), with ref_id; no foreign key because the record may be written after the entry in the same transaction.';
comment on column gd_entry.corrects_id is 'The earlier entry this one corrects; the earlier entry itself is never changed.';
create index gd_entry_station_day_idx on gd_entry (station_id, day, entry_no);
create index gd_entry_ref_idx on gd_entry (ref_type, ref_id);
create index gd_entry_recorded_idx on gd_entry (state_code, recorded_at);

-- ---------------------------------------------------------------------------------------------
-- FIR numbering
-- ---------------------------------------------------------------------------------------------

create table fir_serial (
  station_id uuid not null references station(id),
  year int not null check (year between 1900 and 2999),
  last int not null,
  primary key (station_id, year)
);
comment on table fir_serial is 'The last FIR serial given at a station in an IST year. Incremented in the registering transaction (row lock until commit): serials run from 1 with no gaps and no duplicates.';

-- ---------------------------------------------------------------------------------------------
-- FIR (IIF-1), immutable
-- ---------------------------------------------------------------------------------------------

create table fir (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  year int not null,
  serial int not null check (serial > 0),
  fir_number text not null check (fir_number ~ '^[0-9]{4,}/[0-9]{4}$'),
  registered_at timestamptz not null,
  registered_by uuid references app_user(id),
  registering_officer_name text not null,
  registering_officer_rank text,
  gd_entry_id uuid not null references gd_entry(id),
  information_received_at timestamptz not null,
  information_type text not null check (information_type in ('written', 'oral', 'electronic')),
  occurrence_from timestamptz not null,
  occurrence_to timestamptz,
  offence_date date not null,
  place text not null,
  place_lat double precision,
  place_lng double precision,
  distance_km numeric(7, 2) check (distance_km >= 0),
  direction text check (direction in ('N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW')),
  beat_id uuid references beat(id),
  complainant jsonb not null,
  victims jsonb not null default '[]'::jsonb,
  accused jsonb not null default '[]'::jsonb,
  delay_reason text,
  properties jsonb not null default '[]'::jsonb,
  property_total_value numeric(14, 2) not null default 0 check (property_total_value >= 0),
  inquest_report_no text,
  narrative text not null,
  action_taken text not null,
  zero_fir boolean not null default false,
  jurisdiction_station_id uuid references station(id),
  origin_fir_id uuid references fir(id),
  verification_code text not null unique,
  created_at timestamptz not null,
  unique (station_id, year, serial),
  check (occurrence_to is null or occurrence_to >= occurrence_from),
  check (not zero_fir or jurisdiction_station_id is not null)
);
comment on table fir is 'First Information Report, NCRB IIF-1. Immutable once registered (trigger): a correction is a fir_addendum; stage, sensitivity and transfer state live in fir_status.';
comment on column fir.year is 'The IST year of registration; serials restart on 1 January in India.';
comment on column fir.fir_number is 'serial/year as printed: 0001/2026, unique per station.';
comment on column fir.gd_entry_id is 'The GD entry where the information was first recorded; it belongs to the same station and is recorded no later than registered_at (CAG: no FIR before its GD entry).';
comment on column fir.information_received_at is 'When the information reached the station (IIF-1 item 3(c)).';
comment on column fir.offence_date is 'The IST date of occurrence_from. It decides the code: BNS for offences on or after 2024-07-01, IPC before (the date of the offence, not of registration).';
comment on column fir.distance_km is 'Distance of the place of occurrence from the station, with direction (IIF-1 item 4).';
comment on column fir.complainant is 'The informant/complainant as a validated document: name, relativeName, relation, dateOfBirth or yearOfBirth, sex, nationality, idDocument {type, number}, occupation, address, phone, isVictim. Never shown publicly.';
comment on column fir.victims is 'Victims other than the complainant: [{name, age, sex, address}]. In sensitive FIRs their identity never leaves police views (BNS 72, POCSO s.23).';
comment on column fir.accused is 'Accused as stated by the informant: [{known, name, relativeName, age, sex, address, description}]; unknown accused carry a description only.';
comment on column fir.properties is 'Properties stolen or involved: [{description, category, nature, value}]; property_total_value is their sum.';
comment on column fir.zero_fir is 'Registered for an offence outside this station''s jurisdiction (BNSS 173(1)); to be transferred to jurisdiction_station_id.';
comment on column fir.origin_fir_id is 'For an FIR re-registered on accepting a transfer: the zero FIR it came from. The other direction is fir_status.transferred_fir_id.';
comment on column fir.verification_code is 'Printed with a QR on the FIR copy; GET /api/v1/public/verify/:code answers whether it matches a real FIR (station, number, date only).';
create index fir_station_registered_idx on fir (station_id, registered_at desc);
create index fir_district_registered_idx on fir (district_id, registered_at desc);
create index fir_subdivision_registered_idx on fir (subdivision_id, registered_at desc);
create index fir_state_registered_idx on fir (state_code, registered_at desc);
create index fir_origin_idx on fir (origin_fir_id) where origin_fir_id is not null;

create table fir_section (
  fir_id uuid not null references fir(id),
  position int not null check (position > 0),
  act text not null,
  section text not null,
  title_en text,
  title_hi text,
  sensitive boolean not null default false,
  primary key (fir_id, position),
  unique (fir_id, act, section)
);
comment on table fir_section is 'Acts and sections of an FIR, in the order given. Titles and the sensitive flag are copied from the master data at registration so the FIR reads the same later.';
comment on column fir_section.sensitive is 'Sexual offence or offence against a child per the master data: makes the FIR sensitive (never public; victim identity withheld).';
create index fir_section_lookup_idx on fir_section (act, section);

create table fir_addendum (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  station_id uuid not null references station(id),
  seq int not null check (seq > 0),
  reason text not null,
  text text not null,
  corrections jsonb not null default '[]'::jsonb,
  author_id uuid references app_user(id),
  author_name text not null,
  author_rank text,
  created_at timestamptz not null,
  unique (fir_id, seq)
);
comment on table fir_addendum is 'Append-only corrections to a registered FIR: the original stays as registered and every reader sees it with its addenda in order.';
comment on column fir_addendum.corrections is 'Structured corrections [{field, from, to}] as the author stated them; the FIR row itself is not changed.';

create table fir_status (
  fir_id uuid primary key references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  stage text not null default 'registered',
  stage_changed_at timestamptz not null,
  sensitive boolean not null default false,
  sensitive_by_section boolean not null default false,
  sensitive_marked_by uuid references app_user(id),
  sensitive_marked_at timestamptz,
  sensitive_reason text,
  transfer_state text check (transfer_state in ('pending', 'acknowledged')),
  transfer_to_station_id uuid references station(id),
  transfer_to_district_id uuid,
  transfer_to_subdivision_id uuid,
  transfer_reason text,
  transfer_requested_at timestamptz,
  transfer_requested_by uuid references app_user(id),
  transfer_gd_entry_id uuid references gd_entry(id),
  acknowledged_at timestamptz,
  acknowledged_by uuid references app_user(id),
  transferred_fir_id uuid references fir(id),
  version int not null default 1,
  updated_at timestamptz not null,
  check (transfer_state is null or transfer_to_station_id is not null),
  check (transfer_state is distinct from 'acknowledged' or transferred_fir_id is not null)
);
comment on table fir_status is 'The mutable state of an FIR (one row each, optimistic version): stage, the sensitive flag and the zero-FIR transfer. Scope columns copy the FIR''s; transfer_to_* let the receiving station see an incoming transfer.';
comment on column fir_status.stage is 'registered for now; the investigation module adds stages (under_investigation, charge_sheeted, ...).';
comment on column fir_status.sensitive is 'sensitive_by_section or marked by an SHO/SP: never public, victim identity withheld on copies.';
comment on column fir_status.transfer_state is 'null: no transfer; pending: sent, awaiting the receiving station; acknowledged: re-registered there as transferred_fir_id.';
comment on column fir_status.version is 'Optimistic lock: updates say where version = $n; zero rows updated answers 412.';
create index fir_status_pending_in_idx on fir_status (transfer_to_station_id) where transfer_state = 'pending';
create index fir_status_pending_out_idx on fir_status (station_id) where transfer_state = 'pending';

-- ---------------------------------------------------------------------------------------------
-- Append-only enforcement
-- ---------------------------------------------------------------------------------------------

create function refuse_change_registered() returns trigger
language plpgsql as $$
begin
  raise exception '% is append-only: % refused; record a correction instead', tg_table_name, tg_op using errcode = 'P0001';
end
$$;
comment on function refuse_change_registered() is 'Refuses UPDATE/DELETE/TRUNCATE on registered records (FIR, its sections and addenda, GD entries).';

create trigger gd_entry_append_only before update or delete on gd_entry
  for each row execute function refuse_change_registered();
create trigger gd_entry_no_truncate before truncate on gd_entry
  for each statement execute function refuse_change_registered();
create trigger fir_append_only before update or delete on fir
  for each row execute function refuse_change_registered();
create trigger fir_no_truncate before truncate on fir
  for each statement execute function refuse_change_registered();
create trigger fir_section_append_only before update or delete on fir_section
  for each row execute function refuse_change_registered();
create trigger fir_section_no_truncate before truncate on fir_section
  for each statement execute function refuse_change_registered();
create trigger fir_addendum_append_only before update or delete on fir_addendum
  for each row execute function refuse_change_registered();
create trigger fir_addendum_no_truncate before truncate on fir_addendum
  for each statement execute function refuse_change_registered();
