-- The audit chain in lanes.
--
-- 0001 chained every audit row to the one before it under one advisory lock held to commit.
-- With fsync on, every audited request in the state then waited for every other's WAL flush:
-- the benchmark showed 5 of 8 connections in `Lock:advisory` behind one in `IO:WALSync`, and
-- reads of case records (each audited) ran at the disk's flush rate, one at a time.
--
-- Now the chain is split into 64 lanes. A row joins the lane of the database session that
-- writes it (pg_backend_pid() % 64), so two connections of the pool rarely share a lane and
-- their commits flush together (group commit). Within a lane nothing changes: the lane's
-- advisory lock is held to commit, lane_pos numbers the rows 1, 2, 3… without gaps, and
--   hash = sha256(prev_hash || '|' || canonical text of the row)
-- with prev_hash the hash of the lane's previous row. A removed or altered row still breaks its
-- lane at that row. `seq` stays the global order of appends (from a sequence; it may skip
-- numbers when a transaction rolls back, which the check no longer treats as a break).
-- PGlite has one session, hence one lane: its chain is exactly the old one.
--
-- Rows written before this migration form lane 0 with lane_pos = seq; their hashes are
-- unchanged (the canonical text does not include the lane).

alter table audit_event add column lane smallint not null default 0;
alter table audit_event add column lane_pos bigint;

alter table audit_event disable trigger audit_event_append_only;
update audit_event set lane_pos = seq;
alter table audit_event enable trigger audit_event_append_only;

alter table audit_event alter column lane_pos set not null;
create unique index audit_event_lane_idx on audit_event (lane, lane_pos);
comment on column audit_event.lane is 'Chain lane (0–63): the writing session''s pg_backend_pid() % 64; rows written before lanes existed are lane 0.';
comment on column audit_event.lane_pos is 'Position in the lane''s chain (1, 2, 3… without gaps), assigned under the lane''s advisory lock.';
comment on column audit_event.seq is 'Global order of appends (a sequence; may skip numbers after a rollback).';

create sequence audit_event_seq_seq;
select setval('audit_event_seq_seq', coalesce((select max(seq) from audit_event), 0) + 1, false);

create or replace function audit_chain() returns trigger
language plpgsql as $$
declare
  l smallint := (pg_backend_pid() % 64)::smallint;
  last_pos bigint;
  last_hash text;
begin
  -- Serialise the appenders of this lane so that it has one order; held until commit.
  perform pg_advisory_xact_lock(727274, l);
  select lane_pos, hash into last_pos, last_hash from audit_event where lane = l order by lane_pos desc limit 1;
  new.lane := l;
  new.lane_pos := coalesce(last_pos, 0) + 1;
  new.seq := nextval('audit_event_seq_seq');
  new.prev_hash := coalesce(last_hash, repeat('0', 64));
  new.hash := encode(sha256(convert_to(new.prev_hash || '|' || audit_canonical(new), 'UTF8')), 'hex');
  return new;
end
$$;
