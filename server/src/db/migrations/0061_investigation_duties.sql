-- Duties of the investigation that the BNSS ties to a flag or a clock:
--  - the forensic expert's visit to the crime scene, with videography, for offences punishable
--    with seven years or more (BNSS 176(3)): forensic_scene_visit;
--  - the medical examination of a rape victim, whose report reaches the IO within seven days
--    (BNSS 184(6)): victim_medical_exam, and the report's receipt, victim_medical_report;
--  - further investigation during the trial with the court's permission, completed within
--    ninety days unless the court extends it (BNSS 193(9)): further_investigation, and its
--    extensions and completion, further_investigation_event.
--
-- As with the other investigation records (0041, 0042): every row carries the case's place for
-- the jurisdiction filter, only the designated IO writes them, and they are append-only by
-- trigger: what follows (a report received, an extension, the completion) is a new row.
-- The clock engine reads them through the investigation-duties module; the clock kinds grow
-- accordingly.

alter table statutory_clock drop constraint statutory_clock_kind_check;
alter table statutory_clock add constraint statutory_clock_kind_check check (kind in (
  'production_24h', 'charge_sheet_60_90', 'investigation_2_months', 'progress_notice_90d',
  'forensic_scene_visit', 'victim_medical_report_7d', 'further_investigation_90d'));
comment on column statutory_clock.subject_id is 'What a per-subject clock belongs to: the arrest memo (production, charge sheet), the victim''s medical examination (BNSS 184(6)) or the further investigation (BNSS 193(9)).';
comment on column statutory_clock.details is 'What the computation used: days (60/90), the deciding section, contested, journey minutes ...; statutoryPeriod false for a requirement with no period (BNSS 176(3) forensic visit: required until met, missed if the final report went without it; fulfilled says which).';

create table forensic_scene_visit (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  visit_no int not null check (visit_no > 0),
  expert_name text not null check (length(expert_name) between 1 and 200),
  expert_designation text,
  lab_unit text not null check (length(lab_unit) between 1 and 300),
  visited_at timestamptz not null,
  collected jsonb not null default '[]'::jsonb,
  remarks text,
  video_document_id uuid references case_document(id),
  video_ref text,
  video_sha256 text check (video_sha256 is null or video_sha256 ~ '^[0-9a-f]{64}$'),
  video_absent_reason text,
  author_id uuid not null references app_user(id),
  author_name text not null,
  created_at timestamptz not null,
  unique (fir_id, visit_no),
  check (video_document_id is not null or video_ref is not null or video_absent_reason is not null)
);
comment on table forensic_scene_visit is 'BNSS 176(3): a forensic expert''s visit to the crime scene to collect forensic evidence, with the videography of the process. Required for offences punishable with seven years or more; the clock engine flags a case with none. Append-only.';
comment on column forensic_scene_visit.expert_name is 'The forensic expert who visited (the section''s "forensics expert").';
comment on column forensic_scene_visit.lab_unit is 'The laboratory or unit the expert came from (FSL, RFSL, mobile forensic unit).';
comment on column forensic_scene_visit.collected is 'What was collected at the scene, as a list of strings (exhibits, samples, lifts).';
comment on column forensic_scene_visit.video_document_id is 'BNSS 176(3): the videography uploaded to the case (its SHA-256 is in case_document).';
comment on column forensic_scene_visit.video_ref is 'Or a reference to the videography kept elsewhere (e.g. e-Sakshya), with video_sha256.';
comment on column forensic_scene_visit.video_absent_reason is 'Why there is no videography, when there is none (recorded, never silently missing).';
create index forensic_scene_visit_fir_idx on forensic_scene_visit (fir_id, visited_at);

create table victim_medical_exam (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  exam_no int not null check (exam_no > 0),
  case_person_id uuid not null references case_person(id),
  practitioner_name text not null check (length(practitioner_name) between 1 and 200),
  practitioner_reg_no text,
  hospital text not null check (length(hospital) between 1 and 300),
  examined_at timestamptz not null,
  author_id uuid not null references app_user(id),
  author_name text not null,
  created_at timestamptz not null,
  unique (fir_id, exam_no)
);
comment on table victim_medical_exam is 'BNSS 184: the medical examination of the victim of rape or attempt to rape by a registered medical practitioner. Its report is due to the IO within seven days (184(6)); the receipt is a victim_medical_report row. Holds no findings: the report itself stays a document. Append-only.';
comment on column victim_medical_exam.case_person_id is 'The victim, a person of the case in the role victim.';
comment on column victim_medical_exam.practitioner_reg_no is 'The practitioner''s registration number with the medical council, when known.';
create index victim_medical_exam_fir_idx on victim_medical_exam (fir_id, examined_at);

create table victim_medical_report (
  id uuid primary key,
  exam_id uuid not null unique references victim_medical_exam(id),
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  received_at timestamptz not null,
  report_ref text,
  document_id uuid references case_document(id),
  author_id uuid not null references app_user(id),
  author_name text not null,
  created_at timestamptz not null
);
comment on table victim_medical_report is 'BNSS 184(6): the medical practitioner''s report as received by the IO (one per examination); stops the 7-day clock. The file, if uploaded, is a case document. Append-only.';
create index victim_medical_report_fir_idx on victim_medical_report (fir_id);

create table further_investigation (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  order_no int not null check (order_no > 0),
  ordered_on date not null,
  court_order_ref text not null check (length(court_order_ref) between 1 and 200),
  court_name text,
  directions text,
  author_id uuid not null references app_user(id),
  author_name text not null,
  created_at timestamptz not null,
  unique (fir_id, order_no)
);
comment on table further_investigation is 'BNSS 193(9): further investigation after the final report went to the court, permitted by the court trying the case; completed within ninety days of the order unless the court extends it. Extensions and the completion are further_investigation_event rows. Append-only.';
comment on column further_investigation.ordered_on is 'The date of the court''s order (IST); the 90 days run from it, that day excluded.';

create table further_investigation_event (
  id uuid primary key,
  further_investigation_id uuid not null references further_investigation(id),
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  seq int not null check (seq > 0),
  kind text not null check (kind in ('extension', 'completed')),
  extended_to date,
  order_ref text,
  ordered_on date,
  completed_at timestamptz,
  report_ref text,
  document_id uuid references case_document(id),
  author_id uuid not null references app_user(id),
  author_name text not null,
  created_at timestamptz not null,
  unique (further_investigation_id, seq),
  check (
    (kind = 'extension' and extended_to is not null and order_ref is not null and completed_at is null)
    or (kind = 'completed' and completed_at is not null and report_ref is not null and extended_to is null)
  )
);
comment on table further_investigation_event is 'What follows a further investigation order: the court''s extension of the period to a date (kind extension, with its order), or the completion with the supplementary report filed (kind completed, at most one). Append-only.';
comment on column further_investigation_event.extended_to is 'The date the court extended the period to (inclusive, IST).';
comment on column further_investigation_event.report_ref is 'The supplementary final report filed on completion (BNSS 193(9)).';
create unique index further_investigation_completed_once on further_investigation_event (further_investigation_id) where kind = 'completed';
create index further_investigation_event_fir_idx on further_investigation_event (fir_id);

create trigger forensic_scene_visit_append_only before update or delete on forensic_scene_visit for each row execute function refuse_change_registered();
create trigger forensic_scene_visit_no_truncate before truncate on forensic_scene_visit for each statement execute function refuse_change_registered();
create trigger victim_medical_exam_append_only before update or delete on victim_medical_exam for each row execute function refuse_change_registered();
create trigger victim_medical_exam_no_truncate before truncate on victim_medical_exam for each statement execute function refuse_change_registered();
create trigger victim_medical_report_append_only before update or delete on victim_medical_report for each row execute function refuse_change_registered();
create trigger victim_medical_report_no_truncate before truncate on victim_medical_report for each statement execute function refuse_change_registered();
create trigger further_investigation_append_only before update or delete on further_investigation for each row execute function refuse_change_registered();
create trigger further_investigation_no_truncate before truncate on further_investigation for each statement execute function refuse_change_registered();
create trigger further_investigation_event_append_only before update or delete on further_investigation_event for each row execute function refuse_change_registered();
create trigger further_investigation_event_no_truncate before truncate on further_investigation_event for each statement execute function refuse_change_registered();
