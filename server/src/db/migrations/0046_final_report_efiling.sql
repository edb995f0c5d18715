-- The final report (NCRB IIF-5; BNSS 193(3)): a charge sheet or a closure report, assembled
-- from the investigation records, edited by the designated IO as a versioned draft, approved by
-- the SHO, then e-filed to the court as a package (JSON + PDFs in English and Hindi) through the
-- outbox (topic court.efile); without COURT_API_URL it waits for the in-app court clerk.

create table final_report (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  report_no int not null check (report_no > 0),
  kind text not null check (kind in ('charge_sheet', 'closure')),
  closure_reason text check (closure_reason in ('false_case', 'mistake_of_fact', 'mistake_of_law', 'civil_nature', 'undetected')),
  court_id uuid references court(id),
  status text not null check (status in ('draft', 'submitted', 'approved')),
  content jsonb not null,
  io_id uuid not null references app_user(id),
  version int not null default 1,
  returned_remarks text,
  returned_at timestamptz,
  returned_by_name text,
  submitted_at timestamptz,
  submitted_by uuid references app_user(id),
  submitted_by_name text,
  approved_at timestamptz,
  approved_by uuid references app_user(id),
  approved_by_name text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (fir_id, report_no),
  check (kind = 'charge_sheet' or closure_reason is not null or status = 'draft'),
  check ((status = 'approved') = (approved_at is not null))
);
comment on table final_report is 'The final report of a case (IIF-5): a charge sheet or a closure report. Mutable while a draft (versioned: a stale save answers 412), frozen once the SHO approves it. Every save is kept in final_report_revision.';
comment on column final_report.report_no is '1 for the final report; a later number for a supplementary report after further investigation (BNSS 193(9)).';
comment on column final_report.closure_reason is 'A closure report''s ground: false case, mistake of fact, mistake of law, civil nature, or true but undetected / untraced.';
comment on column final_report.content is 'The report as assembled and edited: accused charged (with sections and custody status), accused not charged, witnesses, documents (with SHA-256) and material objects. Names, custody and hashes are copied from the investigation records at each save, never typed.';
comment on column final_report.io_id is 'The designated IO who created the draft. Only the case''s designated IO (case_state.io_id) may edit or submit it.';
comment on column final_report.status is 'draft (the IO edits; also after the SHO returns it), submitted (awaiting the SHO), approved (forwarded to the court; frozen).';
comment on column final_report.returned_remarks is 'The SHO''s remarks when the report was last returned to the IO.';
create unique index final_report_open_idx on final_report (fir_id) where status <> 'approved';
create index final_report_station_idx on final_report (station_id, status);

create table final_report_revision (
  id uuid primary key,
  report_id uuid not null references final_report(id),
  version int not null,
  status text not null,
  snapshot jsonb not null,
  author_id uuid not null references app_user(id),
  author_name text not null,
  saved_at timestamptz not null,
  unique (report_id, version)
);
comment on table final_report_revision is 'Every saved version of a final report, as it was: nothing the IO or the SHO saw is ever overwritten. Append-only.';

create table efiling_package (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  final_report_id uuid not null unique references final_report(id),
  court_id uuid not null references court(id),
  schema_version text not null,
  package jsonb not null,
  package_sha256 text not null check (package_sha256 ~ '^[0-9a-f]{64}$'),
  pdf_en bytea not null,
  pdf_en_sha256 text not null check (pdf_en_sha256 ~ '^[0-9a-f]{64}$'),
  pdf_hi bytea not null,
  pdf_hi_sha256 text not null check (pdf_hi_sha256 ~ '^[0-9a-f]{64}$'),
  outbox_id uuid not null references outbox(id),
  delivered_via text check (delivered_via in ('push', 'pull', 'clerk')),
  status text not null check (status in ('pending', 'delivered', 'accepted')),
  cnr text check (cnr ~ '^[A-Z0-9]{16}$'),
  court_case_no text,
  created_at timestamptz not null,
  delivered_at timestamptz,
  accepted_at timestamptz,
  accepted_by_name text,
  check ((status = 'accepted') = (cnr is not null))
);
comment on table efiling_package is 'The e-filing package of an approved final report (ICJS style): the JSON document (docs/efiling-schema.md), its SHA-256, and the PDFs in English and Hindi with theirs. Its id is the idempotency key the court deduplicates on. One per final report.';
comment on column efiling_package.outbox_id is 'The outbox row (topic court.efile, dedupe key court.efile:<package id>) written with the package: with COURT_API_URL set the e-filing relay pushes it there; without, the package waits for the court clerk screen or the court machine API.';
comment on column efiling_package.delivered_via is 'How the court got the package: push (delivered to COURT_API_URL), pull (read through the court machine API), clerk (taken on the in-app court clerk screen).';
comment on column efiling_package.status is 'pending (not yet delivered / not yet taken), delivered (the court system has it, no case number yet), accepted (the court registered it and gave its CNR).';
comment on column efiling_package.cnr is 'The eCourts case number (CNR, 16 characters) the court gave the case on accepting the final report.';
create index efiling_package_court_idx on efiling_package (court_id, status);
create unique index efiling_package_cnr_idx on efiling_package (cnr) where cnr is not null;

create table efiling_attempt (
  id uuid primary key,
  package_id uuid not null references efiling_package(id),
  attempt int not null check (attempt > 0),
  at timestamptz not null,
  outcome text not null check (outcome in ('delivered', 'failed')),
  http_status int,
  error text,
  cnr text,
  unique (package_id, attempt)
);
comment on table efiling_attempt is 'Every attempt to deliver an e-filing package to COURT_API_URL, with its outcome: the trail that shows a package was retried with backoff and delivered once. Append-only.';

create table court_case (
  fir_id uuid primary key references fir(id),
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  court_id uuid not null references court(id),
  package_id uuid not null unique references efiling_package(id),
  cnr text not null unique check (cnr ~ '^[A-Z0-9]{16}$'),
  court_case_no text,
  accepted_at timestamptz not null,
  accepted_via text not null check (accepted_via in ('api', 'clerk', 'efiling_response'))
);
comment on table court_case is 'A case as the court has it: the court, and the CNR it gave on accepting the final report. Hearings, disposal (IIF-6) and appeals (IIF-7) hang from it.';
comment on column court_case.accepted_via is 'How the acceptance came: the court machine API, the in-app clerk screen, or the court''s answer to the e-filing delivery itself.';

create trigger final_report_revision_append_only before update or delete on final_report_revision
  for each row execute function refuse_change_registered();
create trigger final_report_revision_no_truncate before truncate on final_report_revision
  for each statement execute function refuse_change_registered();
create trigger efiling_attempt_append_only before update or delete on efiling_attempt
  for each row execute function refuse_change_registered();
create trigger efiling_attempt_no_truncate before truncate on efiling_attempt
  for each statement execute function refuse_change_registered();
