-- Bookkeeping of the synthetic data generator (scripts/generate.ts). The generator writes in
-- chunks (the geography, the pool of repeat offenders, then one chunk per police station),
-- each in one transaction that ends by recording the chunk here; a re-run with the same
-- parameters skips recorded chunks, so an interrupted run resumes and a finished one is a no-op.

create table generator_chunk (
  run_key text not null,
  chunk text not null,
  rows bigint not null,
  finished_at timestamptz not null,
  primary key (run_key, chunk)
);
comment on table generator_chunk is 'Chunks of synthetic data already written by scripts/generate.ts; run_key encodes seed and scale, so the same parameters resume and different ones add more.';
comment on column generator_chunk.rows is 'Rows the chunk wrote, over all tables.';

create table generator_station (
  station_id uuid primary key references station(id),
  run_key text not null,
  population bigint not null,
  area_km2 numeric(9, 2) not null,
  urban boolean not null,
  firs_planned int not null
);
comment on table generator_station is 'The jurisdiction the generator gave each synthetic station (the station table has only its point): area, population, urban or rural, and its share of FIRs.';
