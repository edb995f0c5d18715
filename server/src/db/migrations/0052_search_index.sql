-- Search indexes of the search module for what other modules record: vehicles, property with
-- identifiers (IMEI, serial), and the modus operandi features of cases. They are fed by the
-- search service's exported index* functions (indexVehicle, indexProperty, indexCaseFeatures,
-- indexFirProperties), which the FIR and investigation modules call in their own transactions,
-- so the search never reads another module's tables.

create table vehicle_index (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  source text not null check (source ~ '^[a-z][a-z_]{1,39}$'),
  source_id text not null check (length(source_id) between 1 and 100),
  fir_id uuid references fir(id),
  fir_number text,
  registration text,
  registration_norm text,
  chassis_norm text,
  engine_norm text,
  vehicle_type text,
  make text,
  model text,
  colour text,
  description text check (length(description) <= 1000),
  status text not null check (status in ('stolen', 'recovered', 'seized', 'involved')),
  status_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (source, source_id),
  check (registration_norm is not null or chassis_norm is not null or engine_norm is not null)
);
comment on table vehicle_index is 'Vehicles named in cases (stolen, recovered, seized, involved), one row per mention, for the vehicle search and the cross-case match. Written by indexVehicle / indexFirProperties.';
comment on column vehicle_index.source is 'What recorded it: fir_property, seizure, crime_details, recovery, ...; with source_id it makes re-indexing idempotent.';
comment on column vehicle_index.registration_norm is 'Registration number with spaces and punctuation removed, lower case: "MH 12 AB 1234" and "mh-12-ab-1234" are both mh12ab1234.';
comment on column vehicle_index.chassis_norm is 'Chassis (VIN) number, lower-case letters and digits only.';
comment on column vehicle_index.engine_norm is 'Engine number, lower-case letters and digits only.';
create index vehicle_index_reg_idx on vehicle_index (registration_norm);
create index vehicle_index_reg_trgm on vehicle_index using gin (registration_norm gin_trgm_ops);
create index vehicle_index_chassis_idx on vehicle_index (chassis_norm);
create index vehicle_index_engine_idx on vehicle_index (engine_norm);
create index vehicle_index_fir_idx on vehicle_index (fir_id);
create index vehicle_index_make_idx on vehicle_index (lower(make));

create table property_index (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  source text not null check (source ~ '^[a-z][a-z_]{1,39}$'),
  source_id text not null check (length(source_id) between 1 and 100),
  fir_id uuid references fir(id),
  fir_number text,
  category text not null check (category ~ '^[a-z][a-z_]{1,39}$'),
  description text not null check (length(description) between 1 and 1000),
  identifiers text[] not null default '{}',
  value numeric(14, 2),
  status text not null check (status in ('stolen', 'lost', 'recovered', 'seized', 'involved')),
  status_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (source, source_id)
);
comment on table property_index is 'Property named in cases (mobile phones, electronics, jewellery, ...) with its identifiers, for the property search and the cross-case match. Written by indexProperty / indexFirProperties.';
comment on column property_index.identifiers is 'IMEI, serial and other numbers, lower-case letters and digits only; GIN, so a number finds every case that names it.';
create index property_index_identifiers_gin on property_index using gin (identifiers);
create index property_index_category_idx on property_index (state_code, category, status);
create index property_index_fir_idx on property_index (fir_id);
create index property_index_description_trgm on property_index using gin (lower(description) gin_trgm_ops);

create table case_feature (
  fir_id uuid primary key references fir(id),
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  fir_number text not null,
  crime_head text,
  mo_codes text[] not null default '{}',
  place_type text,
  time_band text check (time_band in ('night', 'morning', 'afternoon', 'evening')),
  occurred_at timestamptz,
  lat double precision,
  lng double precision,
  beat_id uuid references beat(id),
  area text,
  area_norm text,
  is_open boolean not null default true,
  updated_at timestamptz not null
);
comment on table case_feature is 'The features of a case that modus-operandi search compares (crime head, MO codes, type of place, time of day, area), one row per FIR. Written by indexCaseFeatures when an FIR is registered and when its crime details (IIF-2) change.';
comment on column case_feature.time_band is 'Time of day of the occurrence in IST: night 21-05, morning 05-12, afternoon 12-17, evening 17-21.';
comment on column case_feature.area_norm is 'The locality, lower-case words only, for trigram comparison.';
comment on column case_feature.is_open is 'Still under investigation; related-case suggestions are made for open cases.';
create index case_feature_mo_gin on case_feature using gin (mo_codes);
create index case_feature_head_idx on case_feature (state_code, crime_head, occurred_at desc);
create index case_feature_district_idx on case_feature (district_id, occurred_at desc);
create index case_feature_area_trgm on case_feature using gin (area_norm gin_trgm_ops);
