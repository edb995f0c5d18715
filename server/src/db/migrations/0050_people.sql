-- The master person index (people module): extends the minimal `person` table of 0003 with
-- what an officer needs to tell one person from another, and the searchable name index.
--
--  - person_name: every name of a person (the recorded name, its Devanagari form, aliases and
--    nicknames), each with its normalised form and Indian phonetic keys computed in TypeScript
--    (server/src/modules/search/names) when the name is saved; the name search reads only this
--    table and its two GIN indexes.
--  - person_address (with history), person_phone, person_identity (Aadhaar masked + keyed HMAC
--    only), person_mark, person_photo.
--  - person_case_role: the person's roles across all cases of the state (antecedents).
--  - person_merge: merges of duplicate records, reversible.

alter table person add column birth_year int check (birth_year between 1850 and 2200);
alter table person add column height_cm int check (height_cm between 30 and 272);
alter table person add column build text check (build in ('thin', 'medium', 'athletic', 'heavy', 'obese'));
alter table person add column complexion text check (complexion in ('fair', 'wheatish', 'medium', 'dark'));
alter table person add column notes text check (length(notes) <= 5000);
alter table person add column merged_at timestamptz;
alter table person add column updated_at timestamptz;
alter table person add column updated_by uuid references app_user(id);
comment on column person.birth_year is 'Year of birth, from birth_date or projected from "age X on date D" (age_on - age_years); what age filters and age agreement compare. Kept in step by the people module.';
comment on column person.height_cm is 'Height in centimetres, as measured or estimated.';
comment on column person.build is 'Body build as police descriptive rolls record it.';
comment on column person.merged_at is 'When this record was merged into merged_into_id; null when it is a record of its own.';
create index person_merged_into_idx on person (merged_into_id) where merged_into_id is not null;
create index person_state_created_idx on person (state_code, created_at);

create table person_name (
  id uuid primary key,
  person_id uuid not null references person(id),
  master_id uuid not null references person(id),
  state_code text not null references state(code),
  kind text not null check (kind in ('primary', 'primary_hi', 'alias', 'nickname')),
  name text not null check (length(name) between 1 and 200),
  name_norm text not null,
  name_keys text[] not null,
  father_norm text,
  birth_year int,
  sex text,
  district_id uuid references district(id),
  created_at timestamptz not null,
  created_by uuid references app_user(id)
);
comment on table person_name is 'Every name a person is known by (as recorded, in Devanagari, aliases, nicknames), one row each, with the search keys. The ranked name search (modules/search/names/sql.ts) runs on this table only; results are grouped by master_id.';
comment on column person_name.master_id is 'The record this name now answers for: person_id itself, or after a merge the surviving record at the top of the merge chain. Unmerge sets it back.';
comment on column person_name.name_norm is 'nameIndexFields(name).norm: the folded Latin form ("rajes kumar srivastav"), GIN gin_trgm_ops.';
comment on column person_name.name_keys is 'nameIndexFields(name).keys: one Indian phonetic key per token, then "~" coarse keys for candidate retrieval; GIN.';
comment on column person_name.father_norm is 'Folded form of the father''s name of person_id, for agreement in the ranking.';
comment on column person_name.birth_year is 'Copy of person.birth_year, for the age filter and agreement without a join.';
comment on column person_name.sex is 'Copy of person.sex.';
comment on column person_name.district_id is 'Copy of person.district_id (home district), for the district filter and agreement.';
create index person_name_keys_gin on person_name using gin (name_keys);
create index person_name_norm_trgm on person_name using gin (name_norm gin_trgm_ops);
create index person_name_person_idx on person_name (person_id);
create index person_name_master_idx on person_name (master_id);
create index person_name_district_idx on person_name (district_id);

create table person_address (
  id uuid primary key,
  person_id uuid not null references person(id),
  state_code text not null references state(code),
  kind text not null check (kind in ('present', 'permanent', 'other')),
  address text not null check (length(address) between 3 and 500),
  district_id uuid references district(id),
  station_id uuid references station(id),
  from_date date,
  to_date date,
  recorded_at timestamptz not null,
  recorded_by uuid references app_user(id),
  check (to_date is null or from_date is null or to_date >= from_date)
);
comment on table person_address is 'Addresses of a person with their history: a new present address closes the previous one (to_date) instead of replacing it.';
comment on column person_address.to_date is 'Null while the person still lives there.';
create index person_address_person_idx on person_address (person_id, recorded_at);

create table person_phone (
  id uuid primary key,
  person_id uuid not null references person(id),
  state_code text not null references state(code),
  phone text not null check (phone ~ '^[0-9]{6,15}$'),
  kind text not null default 'mobile' check (kind in ('mobile', 'landline', 'other')),
  recorded_at timestamptz not null,
  recorded_by uuid references app_user(id),
  unique (person_id, phone)
);
comment on table person_phone is 'Phone numbers of a person, digits only (a +91 / 0 prefix removed from Indian mobiles), for the unified search.';
create index person_phone_phone_idx on person_phone (phone);

create table person_identity (
  id uuid primary key,
  person_id uuid not null references person(id),
  state_code text not null references state(code),
  doc_type text not null check (doc_type in ('aadhaar', 'voter_id', 'passport', 'driving_licence', 'pan', 'ration_card', 'other')),
  number_masked text not null,
  number_hmac text not null check (number_hmac ~ '^[0-9a-f]{64}$'),
  number text,
  recorded_at timestamptz not null,
  recorded_by uuid references app_user(id),
  unique (person_id, doc_type, number_hmac),
  check (doc_type <> 'aadhaar' or number is null),
  check (doc_type <> 'aadhaar' or number_masked ~ '^XXXX-XXXX-[0-9]{4}$')
);
comment on table person_identity is 'Identity documents. An Aadhaar number is never stored: only its last four digits (number_masked) and a keyed HMAC (Aadhaar Act 2016 s.29 and the Aadhaar (Data Security) Regulations: no storage of the full number outside an Aadhaar Data Vault).';
comment on column person_identity.number_hmac is 'HMAC-SHA256 of the document type and its normalised number under the server key (modules/auth/keys.ts): two records with the same document match without either number being readable.';
comment on column person_identity.number is 'The full number of documents that are not Aadhaar (voter id, passport, ...); always null for Aadhaar (check constraint).';
create index person_identity_hmac_idx on person_identity (number_hmac);
create index person_identity_person_idx on person_identity (person_id);

create table person_mark (
  id uuid primary key,
  person_id uuid not null references person(id),
  state_code text not null references state(code),
  kind text not null check (kind in ('mole', 'scar', 'tattoo', 'birthmark', 'deformity', 'other')),
  body_part text check (length(body_part) <= 100),
  description text not null check (length(description) between 1 and 500),
  recorded_at timestamptz not null,
  recorded_by uuid references app_user(id)
);
comment on table person_mark is 'Identifying marks (mole, scar, tattoo ...) with where on the body, as a descriptive roll records them.';
create index person_mark_person_idx on person_mark (person_id);

create table person_photo (
  id uuid primary key,
  person_id uuid not null references person(id),
  state_code text not null references state(code),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes int not null check (size_bytes between 1 and 5242880),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  data bytea not null,
  caption text check (length(caption) <= 200),
  taken_on date,
  uploaded_at timestamptz not null,
  uploaded_by uuid references app_user(id)
);
comment on table person_photo is 'Photographs of a person. The content type is decided by the file''s bytes (magic numbers), never by the name or the declared type; only JPEG, PNG and WebP up to 5 MB.';
create index person_photo_person_idx on person_photo (person_id, uploaded_at);

create table person_case_role (
  id uuid primary key,
  person_id uuid not null references person(id),
  fir_id uuid not null references fir(id),
  role text not null check (role in ('accused', 'suspect', 'complainant', 'victim', 'witness')),
  code text,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  result text check (result in ('convicted', 'acquitted', 'discharged', 'compounded', 'abated', 'charge_sheeted', 'not_charge_sheeted')),
  result_on date,
  added_at timestamptz not null,
  added_by uuid references app_user(id),
  unique (person_id, fir_id, role)
);
comment on table person_case_role is 'A person''s role in a case (FIR), for the criminal record summary across every station of the state. Written by linkPersonToCase (people service) when the investigation adds a person to a case; links stay on the record they were made to, so a merge never moves or loses one.';
comment on column person_case_role.code is 'The accused code in the case (A1, A2 ...), when given.';
comment on column person_case_role.result is 'What became of this person in the case, as the court or the final report decided (set by recordCaseResult).';
create index person_case_role_person_idx on person_case_role (person_id, role);
create index person_case_role_fir_idx on person_case_role (fir_id);

create table person_merge (
  id uuid primary key,
  state_code text not null references state(code),
  survivor_id uuid not null references person(id),
  merged_id uuid not null references person(id),
  reason text not null check (length(reason) between 3 and 2000),
  merged_by uuid not null references app_user(id),
  merged_by_name text not null,
  merged_at timestamptz not null,
  unmerged_at timestamptz,
  unmerged_by uuid references app_user(id),
  unmerge_reason text,
  check (survivor_id <> merged_id)
);
comment on table person_merge is 'Two records found to be one person: merged_id was merged into survivor_id (SHO or above). Nothing is copied or moved: names and case links stay on their own record and answer for the survivor, so unmerge restores exactly what was there.';
create index person_merge_merged_idx on person_merge (merged_id, merged_at desc);
create index person_merge_survivor_idx on person_merge (survivor_id);
