-- What the court posts back after accepting a final report: hearing dates, the disposal of the
-- case (NCRB IIF-6: per accused convicted / acquitted / discharged / compounded, with the
-- sentence) and appeal results (IIF-7). All append-only; each changes the public case status.

create table court_hearing (
  id uuid primary key,
  fir_id uuid not null references court_case(fir_id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  court_id uuid not null references court(id),
  hearing_date date not null,
  purpose text not null check (length(purpose) between 2 and 500),
  charges_framed boolean not null default false,
  source text not null check (source in ('api', 'clerk')),
  recorded_by_name text not null,
  recorded_at timestamptz not null,
  unique (fir_id, hearing_date)
);
comment on table court_hearing is 'A hearing date the court fixed for the case, with its purpose. The next hearing on the public case status is the earliest one not yet past (IST). Append-only.';
comment on column court_hearing.charges_framed is 'The court framed the charges at this hearing: the trial begins (workflow move commence_trial).';
create index court_hearing_fir_idx on court_hearing (fir_id, hearing_date);

create table court_disposal (
  id uuid primary key,
  fir_id uuid not null unique references court_case(fir_id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  court_id uuid not null references court(id),
  decided_on date not null,
  judgment_ref text,
  result text not null check (result in ('convicted', 'acquitted', 'discharged', 'compounded', 'partly_convicted', 'closure_accepted')),
  remarks text,
  source text not null check (source in ('api', 'clerk')),
  recorded_by_name text not null,
  recorded_at timestamptz not null
);
comment on table court_disposal is 'The court''s disposal of the case (IIF-6), once per case. Append-only; an appeal (court_appeal) records what a higher court changed.';
comment on column court_disposal.result is 'The case''s result from the per-accused results: all convicted, all acquitted, all discharged, all compounded, partly_convicted (some convicted, some not), or closure_accepted (a closure report accepted).';

create table court_disposal_accused (
  id uuid primary key,
  disposal_id uuid not null references court_disposal(id),
  fir_id uuid not null,
  case_person_id uuid not null references case_person(id),
  code text not null,
  name text not null,
  result text not null check (result in ('convicted', 'acquitted', 'discharged', 'compounded')),
  sections jsonb not null default '[]'::jsonb,
  sentence jsonb,
  unique (disposal_id, case_person_id)
);
comment on table court_disposal_accused is 'The disposal of each accused (IIF-6): the result, the sections convicted under, and the sentence.';
comment on column court_disposal_accused.sentence is '{imprisonmentMonths, imprisonmentKind (rigorous|simple|life), fineRupees, defaultImprisonmentMonths, probation, death, text}: what the court sentenced; null unless convicted.';

create table court_appeal (
  id uuid primary key,
  fir_id uuid not null references court_case(fir_id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  court_id uuid not null references court(id),
  appeal_ref text not null check (length(appeal_ref) between 1 and 100),
  appellate_court text not null check (length(appellate_court) between 2 and 300),
  appellant text not null check (appellant in ('state', 'accused', 'victim', 'complainant')),
  filed_on date not null,
  decided_on date,
  result text not null check (result in ('pending', 'allowed', 'dismissed', 'partly_allowed', 'remanded', 'withdrawn', 'abated')),
  accused jsonb not null default '[]'::jsonb,
  remarks text,
  source text not null check (source in ('api', 'clerk')),
  recorded_by_name text not null,
  recorded_at timestamptz not null,
  unique (fir_id, appeal_ref, result),
  check ((result = 'pending') = (decided_on is null))
);
comment on table court_appeal is 'Appeals against the judgment (IIF-7): each row records an appeal as filed (result pending) or as decided; the latest row of an appeal_ref is its current state. Append-only.';
comment on column court_appeal.accused is 'Per accused changes the appeal made: [{code, result, sentence}] (e.g. a conviction set aside: result acquitted).';
create index court_appeal_fir_idx on court_appeal (fir_id, recorded_at);

create trigger court_hearing_append_only before update or delete on court_hearing
  for each row execute function refuse_change_registered();
create trigger court_hearing_no_truncate before truncate on court_hearing
  for each statement execute function refuse_change_registered();
create trigger court_disposal_append_only before update or delete on court_disposal
  for each row execute function refuse_change_registered();
create trigger court_disposal_no_truncate before truncate on court_disposal
  for each statement execute function refuse_change_registered();
create trigger court_disposal_accused_append_only before update or delete on court_disposal_accused
  for each row execute function refuse_change_registered();
create trigger court_disposal_accused_no_truncate before truncate on court_disposal_accused
  for each statement execute function refuse_change_registered();
create trigger court_appeal_append_only before update or delete on court_appeal
  for each row execute function refuse_change_registered();
create trigger court_appeal_no_truncate before truncate on court_appeal
  for each statement execute function refuse_change_registered();
