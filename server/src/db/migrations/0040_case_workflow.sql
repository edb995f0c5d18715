-- The case workflow: after registration an FIR becomes a case (the case id is the FIR id).
-- Its stage lives in fir_status.stage (firs module); this migration adds what the workflow
-- needs beside it: the designated IO and the final report's sub-state (case_state, mutable,
-- versioned), the history of every move (case_transition) and of every IO assignment
-- (case_assignment), and supervisors' notes (case_supervision_note). The moves themselves are
-- one table in code: server/src/modules/investigation/workflow.ts.
--
-- History tables are append-only by trigger (refuse_change_registered, migration 0030).

create table case_state (
  fir_id uuid primary key references fir(id),
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  io_id uuid references app_user(id),
  io_assigned_at timestamptz,
  substate text check (substate in ('awaiting_sho_approval', 'approved')),
  version int not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((io_id is null) = (io_assigned_at is null))
);
comment on table case_state is 'The mutable workflow state of a case beside fir_status.stage: its designated IO and the final report''s sub-state. One row per FIR, created when the SHO first assigns an IO. Every investigation record write locks this row (select .. for update), which serialises per-case numbering.';
comment on column case_state.io_id is 'The designated investigating officer: the only officer who may write the case''s investigation records and submit its final report (CAG Odisha 2025 found charge sheets by others).';
comment on column case_state.substate is 'Only at stage final_report_submitted: awaiting_sho_approval (the IO submitted) or approved (the SHO forwarded it to the court). null otherwise.';
comment on column case_state.version is 'Optimistic lock: updates say where version = $n; zero rows updated answers 412.';
create index case_state_io_idx on case_state (io_id);
create index case_state_station_idx on case_state (station_id);

create table case_transition (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  seq int not null check (seq > 0),
  action text not null check (action ~ '^[a-z][a-z_]{1,39}$'),
  from_stage text not null,
  to_stage text not null,
  from_substate text,
  to_substate text,
  party text not null check (party in ('sho', 'designated_io', 'court')),
  actor_id uuid references app_user(id),
  actor_role text not null,
  actor_name text not null,
  reason text,
  details jsonb not null default '{}'::jsonb,
  at timestamptz not null,
  unique (fir_id, seq)
);
comment on table case_transition is 'Every move of a case through the workflow, in order (seq per case): who (party and officer), when, from which stage and sub-state to which, and why. Append-only. The statutory clocks read when the final report was submitted and approved from here.';
comment on column case_transition.party is 'The capacity the actor moved in: sho, designated_io or court (workflow.ts WorkflowParty).';
comment on column case_transition.details is 'Action-specific facts, e.g. {ioId, previousIoId} for an assignment, {reportId} for a final report.';
create index case_transition_fir_idx on case_transition (fir_id, seq);
create index case_transition_action_idx on case_transition (action, at);

create table case_assignment (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  io_id uuid not null references app_user(id),
  io_name text not null,
  io_rank text,
  previous_io_id uuid references app_user(id),
  assigned_by uuid not null references app_user(id),
  assigned_by_name text not null,
  reason text,
  assigned_at timestamptz not null,
  transition_id uuid not null references case_transition(id)
);
comment on table case_assignment is 'Every assignment of an investigating officer to a case, in time order: the first by the SHO on taking up the investigation, each later one a reassignment with its reason. Append-only; the current IO is also in case_state.io_id.';
create index case_assignment_fir_idx on case_assignment (fir_id, assigned_at);
create index case_assignment_io_idx on case_assignment (io_id);

create table case_supervision_note (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  author_id uuid not null references app_user(id),
  author_name text not null,
  author_rank text,
  author_role text not null,
  text text not null check (length(text) between 1 and 20000),
  directions jsonb not null default '[]'::jsonb,
  comply_by date,
  created_at timestamptz not null
);
comment on table case_supervision_note is 'Supervision notes on a case by the SHO, SDPO or SP of its jurisdiction: observations and directions to the IO. Append-only.';
comment on column case_supervision_note.directions is 'Directions to the IO as a list of strings ("record the statement of the shopkeeper", ...).';
comment on column case_supervision_note.comply_by is 'The IST date by which the directions are to be complied with, if the supervisor set one.';
create index case_supervision_note_fir_idx on case_supervision_note (fir_id, created_at);

create trigger case_transition_append_only before update or delete on case_transition
  for each row execute function refuse_change_registered();
create trigger case_transition_no_truncate before truncate on case_transition
  for each statement execute function refuse_change_registered();
create trigger case_assignment_append_only before update or delete on case_assignment
  for each row execute function refuse_change_registered();
create trigger case_assignment_no_truncate before truncate on case_assignment
  for each statement execute function refuse_change_registered();
create trigger case_supervision_note_append_only before update or delete on case_supervision_note
  for each row execute function refuse_change_registered();
create trigger case_supervision_note_no_truncate before truncate on case_supervision_note
  for each statement execute function refuse_change_registered();
