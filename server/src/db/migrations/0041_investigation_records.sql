-- Investigation records of a case (NCRB IIF-2, IIF-3 and the records around them): documents,
-- the case diary (BNSS 192), crime details (IIF-2, versioned), persons in the case, statements
-- (BNSS 180), arrest / court surrender memos (IIF-3) and what follows an arrest (production,
-- remand, bail), notices of appearance (BNSS 35(3)) and progress notices to the informant
-- (BNSS 193(3)(ii)).
--
-- Every table carries the case's place (state, district, sub-division, station) so the
-- jurisdiction filter is one comparison. Records are append-only by trigger; a correction is a
-- new row pointing at the old. Only crime_details is mutable (versioned, every version kept in
-- crime_details_revision).

create table case_document (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  kind text not null check (kind in ('photo', 'sketch', 'audio', 'video', 'document', 'report', 'search_recording', 'other')),
  title text not null check (length(title) between 1 and 300),
  file_name text not null,
  content_type text not null,
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  uploaded_by uuid not null references app_user(id),
  uploaded_by_name text not null,
  uploaded_at timestamptz not null
);
comment on table case_document is 'A file attached to a case (photo, sketch, recording, report ...). The bytes live outside the web root under the upload directory; the row keeps the type found from the file''s own bytes, its size and SHA-256, so a court can check the file is the one uploaded. Append-only.';
comment on column case_document.content_type is 'Detected from the magic bytes (file-type), never taken from the client.';
comment on column case_document.storage_key is 'Path of the stored file relative to the upload directory; never served directly.';
create index case_document_fir_idx on case_document (fir_id, uploaded_at);

create table case_diary_entry (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  entry_no int not null check (entry_no > 0),
  diary_date date not null,
  started_at timestamptz not null,
  closed_at timestamptz not null,
  places_visited jsonb not null default '[]'::jsonb,
  circumstances text not null check (length(circumstances) between 1 and 50000),
  corrects_id uuid references case_diary_entry(id),
  author_id uuid not null references app_user(id),
  author_name text not null,
  author_rank text,
  recorded_at timestamptz not null,
  unique (fir_id, entry_no),
  check (closed_at >= started_at)
);
comment on table case_diary_entry is 'The case diary (BNSS 192): the IO''s day-by-day record of the investigation, numbered per case, never edited. A correction is a new entry whose corrects_id points at the old.';
comment on column case_diary_entry.diary_date is 'The IST date the entry is for (of started_at).';
comment on column case_diary_entry.started_at is 'BNSS 192(1): the time at which the investigation began (that day) ...';
comment on column case_diary_entry.closed_at is '... and the time at which it closed.';
comment on column case_diary_entry.places_visited is 'BNSS 192(1): the places visited, as a list of strings.';
comment on column case_diary_entry.circumstances is 'BNSS 192(1): the circumstances ascertained through the investigation.';

create table crime_details (
  fir_id uuid primary key references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  major_head_code text,
  minor_head_code text,
  mo_codes jsonb not null default '[]'::jsonb,
  mo_text text,
  place_type text,
  scene_lat double precision check (scene_lat between -90 and 90),
  scene_lng double precision check (scene_lng between -180 and 180),
  scene_description text,
  scene_document_ids jsonb not null default '[]'::jsonb,
  properties jsonb not null default '[]'::jsonb,
  weapons jsonb not null default '[]'::jsonb,
  vehicles jsonb not null default '[]'::jsonb,
  motive text,
  version int not null default 1,
  updated_by uuid not null references app_user(id),
  updated_by_name text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
comment on table crime_details is 'Crime details form (NCRB IIF-2): crime heads, modus operandi, scene of crime, property, weapons, vehicles, motive. A working form the IO refines, so it is mutable with an optimistic version (a stale save answers 412); every version is kept in crime_details_revision.';
comment on column crime_details.major_head_code is 'NCRB crime head (master data crime_head.code), checked against the master data on save.';
comment on column crime_details.mo_codes is 'Modus operandi codes from the master list (modus_operandi.code); mo_text adds the IO''s own words.';
comment on column crime_details.place_type is 'Type of place of occurrence: residence, shop, road, highway, bank, place_of_worship, ...';
comment on column crime_details.scene_document_ids is 'Sketch and photographs of the scene: ids of case_document rows of this case.';
comment on column crime_details.properties is 'Property stolen or involved: [{description, category, nature, value, regNo, engineNo, chassisNo, imei[]}]. The identifiers feed the cross-case property alert.';
comment on column crime_details.version is 'Optimistic lock: a save names the version it edited; zero rows updated answers 412.';

create table crime_details_revision (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  version int not null,
  snapshot jsonb not null,
  author_id uuid not null references app_user(id),
  author_name text not null,
  saved_at timestamptz not null,
  unique (fir_id, version)
);
comment on table crime_details_revision is 'Every saved version of a case''s crime details (IIF-2), as saved. Append-only.';

create table case_person (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  person_id uuid not null references person(id),
  role text not null check (role in ('complainant', 'victim', 'accused', 'suspect', 'witness')),
  seq int not null check (seq > 0),
  code text not null,
  name text not null,
  sex text,
  age_years int,
  juvenile boolean not null default false,
  description text,
  remarks text,
  added_by uuid not null references app_user(id),
  added_by_name text not null,
  added_at timestamptz not null,
  unique (fir_id, code),
  unique (fir_id, person_id, role)
);
comment on table case_person is 'A person in a case, in a role (complainant, victim, accused, suspect, witness), linked to the master person index. Coded per case and role: accused A1, A2 ...; witnesses W1 ...; victims V1 ...; suspects S1 ...; complainants C1. Append-only: a suspect found to be an offender is added again as an accused.';
comment on column case_person.name is 'The name as recorded in this case (copied from the person index when added).';
comment on column case_person.juvenile is 'A child in conflict with law or a child victim (under 18 on the date of the offence): JJ Act; never on a public board.';
create index case_person_fir_idx on case_person (fir_id, role, seq);
create index case_person_person_idx on case_person (person_id);

create table case_statement (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  statement_no int not null check (statement_no > 0),
  case_person_id uuid not null references case_person(id),
  recorded_at timestamptz not null,
  place text not null,
  language text not null check (language in ('hi', 'en', 'other')),
  text text not null check (length(text) between 1 and 100000),
  media_document_id uuid references case_document(id),
  woman_officer_required boolean not null default false,
  recorded_by_woman_officer boolean not null default false,
  recording_officer_name text,
  corrects_id uuid references case_statement(id),
  author_id uuid not null references app_user(id),
  author_name text not null,
  author_rank text,
  created_at timestamptz not null,
  unique (fir_id, statement_no),
  check (not woman_officer_required or recorded_by_woman_officer)
);
comment on table case_statement is 'A statement of a person examined by the police (BNSS 180), in Hindi or English, with an optional audio-video recording. Append-only; a correction is a new statement pointing at the old.';
comment on column case_statement.woman_officer_required is 'BNSS 180(3) second proviso: the statement of a woman against whom an offence under BNS 64-71, 74-79 or 124 is alleged is recorded by a woman police officer or any woman officer.';
comment on column case_statement.recording_officer_name is 'The officer who recorded it, when not the IO (e.g. the woman officer).';

create table arrest_memo (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  case_person_id uuid not null references case_person(id),
  kind text not null check (kind in ('arrest', 'court_surrender')),
  arrested_at timestamptz not null,
  place text not null,
  place_lat double precision,
  place_lng double precision,
  arrested_by_name text not null,
  grounds text not null,
  grounds_given_at timestamptz,
  bail_right_informed boolean not null default false,
  informed_name text,
  informed_relation text,
  informed_mode text,
  informed_at timestamptz,
  medical_examined_at timestamptz,
  medical_examiner text,
  medical_remarks text,
  court_name text,
  sections jsonb not null default '[]'::jsonb,
  outcome text not null check (outcome in ('sent_up', 'bailed', 'judicial_custody', 'police_custody')),
  necessity_required boolean not null default false,
  necessity_reason text,
  witness_name text,
  witness_address text,
  countersigned boolean not null default false,
  juvenile boolean not null default false,
  gd_entry_id uuid references gd_entry(id),
  author_id uuid not null references app_user(id),
  author_name text not null,
  author_rank text,
  created_at timestamptz not null,
  unique (fir_id, case_person_id),
  check (grounds_given_at is null or grounds_given_at >= arrested_at),
  check (informed_at is null or informed_at >= arrested_at),
  check (not necessity_required or necessity_reason is not null)
);
comment on table arrest_memo is 'Arrest / court surrender memo (NCRB IIF-3), one per accused per case. Append-only; what follows (production, remand, bail) is in arrest_event.';
comment on column arrest_memo.grounds_given_at is 'BNSS 47: when the grounds of arrest (and, for a bailable offence, the right to bail) were told to the arrested person.';
comment on column arrest_memo.informed_at is 'BNSS 48: when the relative or friend the person named (informed_name) was told of the arrest and the place of custody.';
comment on column arrest_memo.medical_examined_at is 'BNSS 53: medical examination of the arrested person by a medical officer.';
comment on column arrest_memo.necessity_reason is 'BNSS 35(1)(b)(ii); Arnesh Kumar v. State of Bihar (SC, 2014): for an offence punishable with up to 7 years, why the arrest was necessary (required then).';
comment on column arrest_memo.witness_name is 'BNSS 36; D.K. Basu: the memo is attested by at least one witness (a family member or a respectable member of the locality).';
comment on column arrest_memo.countersigned is 'BNSS 36(b): countersigned by the arrested person.';
comment on column arrest_memo.juvenile is 'A child in conflict with law (JJ Act s.10: no lock-up; never on the public board).';
comment on column arrest_memo.gd_entry_id is 'The GD entry written with the arrest (kind arrest).';
create index arrest_memo_fir_idx on arrest_memo (fir_id);
create index arrest_memo_station_idx on arrest_memo (station_id, arrested_at desc);

create table arrest_event (
  id uuid primary key,
  arrest_id uuid not null references arrest_memo(id),
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  seq int not null check (seq > 0),
  kind text not null check (kind in ('produced', 'remanded_police', 'remanded_judicial', 'bailed', 'released')),
  at timestamptz not null,
  court_name text,
  order_ref text,
  remand_until date,
  journey_minutes int check (journey_minutes between 0 and 2880),
  remarks text,
  author_id uuid not null references app_user(id),
  author_name text not null,
  created_at timestamptz not null,
  unique (arrest_id, seq)
);
comment on table arrest_event is 'What happened to an arrested person after the arrest, in time order: produced before a magistrate (BNSS 58), remanded to police or judicial custody (BNSS 187), bailed, released. The statutory clocks read them: production stops the 24-hour clock; the first remand starts the 60/90-day one. Append-only.';
comment on column arrest_event.journey_minutes is 'BNSS 58 excludes the time of the journey from the place of arrest to the magistrate''s court; recorded with the production.';

create table appearance_notice (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  notice_no int not null check (notice_no > 0),
  case_person_id uuid not null references case_person(id),
  issued_at timestamptz not null,
  appear_at timestamptz not null,
  appear_place text not null,
  served_how text not null,
  conditions text,
  basis text not null,
  author_id uuid not null references app_user(id),
  author_name text not null,
  author_rank text,
  created_at timestamptz not null,
  unique (fir_id, notice_no),
  check (appear_at >= issued_at)
);
comment on table appearance_notice is 'Notice of appearance (BNSS 35(3)) to a person accused of an offence punishable with up to 7 years who is not arrested (Arnesh Kumar v. State of Bihar, SC 2014). Append-only.';
comment on column appearance_notice.basis is 'The legal basis as the master data''s rule gave it when the notice was issued.';

create table progress_notice (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  recipient text not null check (recipient in ('informant', 'victim')),
  recipient_name text not null,
  channels jsonb not null,
  text_en text not null,
  text_hi text not null,
  outbox_ids jsonb not null default '[]'::jsonb,
  sent_at timestamptz not null,
  author_id uuid not null references app_user(id),
  author_name text not null,
  created_at timestamptz not null
);
comment on table progress_notice is 'A notice of the investigation''s progress to the informant or victim (BNSS 193(3)(ii), within 90 days), sent by SMS/e-mail through the outbox in the same transaction, or recorded as given in person or by post. The first one stops the 90-day clock. Append-only.';
comment on column progress_notice.channels is 'How it went: ["sms","email"] through the outbox, or ["in_person"] / ["post"].';
create index progress_notice_fir_idx on progress_notice (fir_id, sent_at);

create trigger case_document_append_only before update or delete on case_document for each row execute function refuse_change_registered();
create trigger case_document_no_truncate before truncate on case_document for each statement execute function refuse_change_registered();
create trigger case_diary_entry_append_only before update or delete on case_diary_entry for each row execute function refuse_change_registered();
create trigger case_diary_entry_no_truncate before truncate on case_diary_entry for each statement execute function refuse_change_registered();
create trigger crime_details_revision_append_only before update or delete on crime_details_revision for each row execute function refuse_change_registered();
create trigger crime_details_revision_no_truncate before truncate on crime_details_revision for each statement execute function refuse_change_registered();
create trigger case_person_append_only before update or delete on case_person for each row execute function refuse_change_registered();
create trigger case_person_no_truncate before truncate on case_person for each statement execute function refuse_change_registered();
create trigger case_statement_append_only before update or delete on case_statement for each row execute function refuse_change_registered();
create trigger case_statement_no_truncate before truncate on case_statement for each statement execute function refuse_change_registered();
create trigger arrest_memo_append_only before update or delete on arrest_memo for each row execute function refuse_change_registered();
create trigger arrest_memo_no_truncate before truncate on arrest_memo for each statement execute function refuse_change_registered();
create trigger arrest_event_append_only before update or delete on arrest_event for each row execute function refuse_change_registered();
create trigger arrest_event_no_truncate before truncate on arrest_event for each statement execute function refuse_change_registered();
create trigger appearance_notice_append_only before update or delete on appearance_notice for each row execute function refuse_change_registered();
create trigger appearance_notice_no_truncate before truncate on appearance_notice for each statement execute function refuse_change_registered();
create trigger progress_notice_append_only before update or delete on progress_notice for each row execute function refuse_change_registered();
create trigger progress_notice_no_truncate before truncate on progress_notice for each statement execute function refuse_change_registered();
