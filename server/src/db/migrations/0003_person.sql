-- The minimal master person index: one row per real person, shared by every case that names
-- them. The people module extends it (name keys for search, aliases, addresses with history,
-- identity documents, marks, photographs, merges).

create table person (
  id uuid primary key,
  state_code text not null references state(code),
  name text not null check (length(name) between 1 and 200),
  name_hi text,
  father_name text,
  mother_name text,
  spouse_name text,
  sex text check (sex in ('male', 'female', 'transgender', 'unknown')),
  birth_date date,
  age_years int check (age_years between 0 and 130),
  age_on date,
  address text,
  district_id uuid references district(id),
  phone text,
  nationality text default 'Indian',
  occupation text,
  created_station_id uuid references station(id),
  created_by uuid references app_user(id),
  created_at timestamptz not null,
  merged_into_id uuid references person(id),
  version int not null default 1
);
comment on table person is 'Master person index: one record per real person across the state; cases link to it through their own person-in-case rows. Readable by police state-wide (criminal records cross stations); every read is audited.';
comment on column person.age_years is 'Age when the date of birth is unknown: "age X on date D" (age_on), so it can be projected to any later date.';
comment on column person.created_station_id is 'The station that first recorded the person; not a jurisdiction boundary for reading.';
comment on column person.merged_into_id is 'Set when this record was found to be the same person as another and merged into it (reversible).';
create index person_district_idx on person (district_id);
