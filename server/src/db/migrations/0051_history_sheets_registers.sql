-- History sheets and the person registers (people module):
--  - history_sheet / history_sheet_entry: opened and closed by an SHO or SP under the state's
--    police rules, with surveillance notes, known associates and the modus operandi;
--  - wanted_person: wanted persons, proclaimed persons and proclaimed offenders (BNSS 84);
--  - missing_person, unidentified_person (living persons and dead bodies), and missing_match:
--    a missing-person report matched against unidentified persons and bodies.
-- Every table carries the keeping station's place so the jurisdiction filter is one comparison.

create table history_sheet (
  id uuid primary key,
  person_id uuid not null references person(id),
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  sheet_no int not null check (sheet_no > 0),
  offender_class text not null check (offender_class in ('A', 'B', 'rowdy', 'other')),
  status text not null default 'open' check (status in ('open', 'closed')),
  open_reason text not null check (length(open_reason) between 10 and 5000),
  modus_operandi text check (length(modus_operandi) <= 5000),
  opened_at timestamptz not null,
  opened_by uuid not null references app_user(id),
  opened_by_name text not null,
  closed_at timestamptz,
  closed_by uuid references app_user(id),
  closed_by_name text,
  close_reason text,
  version int not null default 1,
  updated_at timestamptz not null,
  unique (station_id, sheet_no),
  check ((status = 'closed') = (closed_at is not null)),
  check (status = 'open' or close_reason is not null)
);
comment on table history_sheet is 'A history sheet: the station''s running watch on a habitual or suspected offender, opened and closed by an SHO or SP under the state police rules. Police only, never on a public route; every read is audited.';
comment on column history_sheet.offender_class is 'Class under the state police rules: A = confirmed habitual/professional offender, B = suspected habitual offender not yet confirmed, rowdy = rowdy/goonda sheet, other = as the reason says.';
comment on column history_sheet.sheet_no is 'The station''s serial number of the sheet (HS No.).';
comment on column history_sheet.version is 'Optimistic lock for close and for the modus operandi update.';
create unique index history_sheet_one_open_idx on history_sheet (person_id) where status = 'open';
create index history_sheet_station_idx on history_sheet (station_id, status);

create table history_sheet_entry (
  id uuid primary key,
  sheet_id uuid not null references history_sheet(id),
  state_code text not null references state(code),
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  kind text not null check (kind in ('surveillance', 'associate', 'modus_operandi', 'note')),
  text text not null check (length(text) between 1 and 10000),
  associate_person_id uuid references person(id),
  recorded_at timestamptz not null,
  recorded_by uuid not null references app_user(id),
  recorded_by_name text not null
);
comment on table history_sheet_entry is 'Append-only entries of a history sheet: surveillance notes (checks, movements), known associates (linked to their person record when known), modus operandi, other notes.';
create index history_sheet_entry_sheet_idx on history_sheet_entry (sheet_id, recorded_at);
create trigger history_sheet_entry_append_only before update or delete on history_sheet_entry
  for each row execute function refuse_change_registered();
create trigger history_sheet_entry_no_truncate before truncate on history_sheet_entry
  for each statement execute function refuse_change_registered();

create table wanted_person (
  id uuid primary key,
  person_id uuid not null references person(id),
  fir_id uuid references fir(id),
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  kind text not null check (kind in ('wanted', 'proclaimed_person', 'proclaimed_offender')),
  court text check (length(court) <= 300),
  order_ref text check (length(order_ref) <= 100),
  order_date date,
  appear_by date,
  reward_amount numeric(12, 2) check (reward_amount >= 0),
  description text check (length(description) <= 5000),
  status text not null default 'active' check (status in ('active', 'arrested', 'surrendered', 'withdrawn')),
  status_reason text,
  status_at timestamptz,
  created_at timestamptz not null,
  created_by uuid not null references app_user(id),
  version int not null default 1,
  check (kind = 'wanted' or (court is not null and order_date is not null)),
  check (appear_by is null or order_date is null or appear_by >= order_date + 30)
);
comment on table wanted_person is 'Register of wanted persons and of persons proclaimed by a court under BNSS 84: proclaimed_person = 84(1) proclamation to appear (at least 30 days after publication); proclaimed_offender = declared under 84(4) for offences punishable with 10 years or more, life or death, or the sections 84(4) lists.';
comment on column wanted_person.appear_by is 'The date by which the proclamation requires the person to appear: not less than 30 days from publication (BNSS 84(1)).';
create index wanted_person_active_idx on wanted_person (state_code, kind) where status = 'active';
create index wanted_person_person_idx on wanted_person (person_id);

create table missing_person (
  id uuid primary key,
  person_id uuid references person(id),
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  name text not null check (length(name) between 1 and 200),
  sex text not null check (sex in ('male', 'female', 'transgender', 'unknown')),
  age_years int check (age_years between 0 and 130),
  height_cm int check (height_cm between 30 and 272),
  build text,
  complexion text,
  marks text[] not null default '{}',
  clothing text check (length(clothing) <= 1000),
  missing_since date not null,
  last_seen_place text check (length(last_seen_place) <= 500),
  reporter_name text not null,
  reporter_relation text,
  reporter_phone text,
  reported_at timestamptz not null,
  status text not null default 'missing' check (status in ('missing', 'traced', 'closed')),
  status_at timestamptz,
  status_reason text,
  created_by uuid not null references app_user(id),
  version int not null default 1
);
comment on table missing_person is 'Missing-person reports. Each is matched against unidentified persons and dead bodies (missing_match) when it is registered, and again when one of those is.';
comment on column missing_person.age_years is 'Age on missing_since, as the reporter gave it.';
comment on column missing_person.marks is 'Identifying marks as the reporter described them, one per element.';
create index missing_person_open_idx on missing_person (state_code, sex, missing_since) where status = 'missing';

create table unidentified_person (
  id uuid primary key,
  kind text not null check (kind in ('person', 'dead_body')),
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  found_on date not null,
  place text not null check (length(place) between 3 and 500),
  sex text not null check (sex in ('male', 'female', 'transgender', 'unknown')),
  age_from int check (age_from between 0 and 130),
  age_to int check (age_to between 0 and 130),
  height_cm int check (height_cm between 30 and 272),
  build text,
  complexion text,
  marks text[] not null default '{}',
  clothing text check (length(clothing) <= 1000),
  description text check (length(description) <= 5000),
  inquest_ref text check (length(inquest_ref) <= 100),
  status text not null default 'unidentified' check (status in ('unidentified', 'identified')),
  identified_missing_id uuid references missing_person(id),
  status_at timestamptz,
  created_at timestamptz not null,
  created_by uuid not null references app_user(id),
  version int not null default 1,
  check (age_from is null or age_to is null or age_to >= age_from)
);
comment on table unidentified_person is 'Unidentified persons found (kind person: wandering, unconscious, child found) and unidentified dead bodies (kind dead_body, with the inquest reference under BNSS 194).';
comment on column unidentified_person.age_from is 'Estimated age band, lower end (a doctor''s or the officer''s estimate).';
create index unidentified_person_open_idx on unidentified_person (state_code, sex, found_on) where status = 'unidentified';

create table missing_match (
  id uuid primary key,
  state_code text not null references state(code),
  missing_id uuid not null references missing_person(id),
  unidentified_id uuid not null references unidentified_person(id),
  missing_district_id uuid not null,
  missing_subdivision_id uuid not null,
  missing_station_id uuid not null,
  found_district_id uuid not null,
  found_subdivision_id uuid not null,
  found_station_id uuid not null,
  score numeric(4, 3) not null,
  reasons text[] not null,
  status text not null default 'suggested' check (status in ('suggested', 'confirmed', 'rejected')),
  created_at timestamptz not null,
  decided_at timestamptz,
  decided_by uuid references app_user(id),
  unique (missing_id, unidentified_id)
);
comment on table missing_match is 'A possible match between a missing-person report and an unidentified person or body, with its score and reasons (sex, age band, height, marks, dates). Carries both stations'' places so both see it.';
create index missing_match_missing_station_idx on missing_match (missing_station_id);
create index missing_match_found_station_idx on missing_match (found_station_id);
