-- Evidence: seizure memos (NCRB IIF-4) and their items, each item's chain of custody
-- (malkhana -> forensic lab -> back -> court -> released / destroyed), the identifiers of
-- property (vehicle registration, engine and chassis numbers, phone IMEIs) that link cases,
-- and forensic requests with their reports.

create table seizure_memo (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  memo_no int not null check (memo_no > 0),
  seized_at timestamptz not null,
  place text not null,
  place_lat double precision,
  place_lng double precision,
  search_kind text not null check (search_kind in ('search', 'recovery', 'production', 'other')),
  from_case_person_id uuid references case_person(id),
  witnesses jsonb not null default '[]'::jsonb,
  recording_document_id uuid references case_document(id),
  recording_ref text,
  recording_sha256 text check (recording_sha256 is null or recording_sha256 ~ '^[0-9a-f]{64}$'),
  recording_absent_reason text,
  remarks text,
  author_id uuid not null references app_user(id),
  author_name text not null,
  author_rank text,
  created_at timestamptz not null,
  unique (fir_id, memo_no),
  check (recording_document_id is not null or recording_ref is not null or recording_absent_reason is not null)
);
comment on table seizure_memo is 'Seizure memo / panchnama (NCRB IIF-4): place and time, the independent witnesses, and the audio-video recording of the search and seizure (BNSS 105). Append-only.';
comment on column seizure_memo.witnesses is 'Seizure witnesses (panchas): [{name, address}].';
comment on column seizure_memo.recording_document_id is 'BNSS 105: the recording uploaded to the case (its SHA-256 is in case_document).';
comment on column seizure_memo.recording_ref is 'BNSS 105: or a reference to the recording kept elsewhere (e.g. the e-Sakshya app), with recording_sha256.';
comment on column seizure_memo.recording_absent_reason is 'Why there is no recording; the memo is flagged on the case page.';

create table seized_item (
  id uuid primary key,
  seizure_id uuid not null references seizure_memo(id),
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  item_no int not null check (item_no > 0),
  description text not null,
  category text not null check (category in ('vehicle', 'mobile_phone', 'electronic', 'cash', 'jewellery', 'document', 'weapon', 'narcotics', 'liquor', 'other')),
  quantity numeric(14, 3) not null check (quantity > 0),
  unit text not null default 'nos',
  identifying_marks text,
  value numeric(14, 2) not null default 0 check (value >= 0),
  vehicle_reg_no text,
  engine_no text,
  chassis_no text,
  imei jsonb not null default '[]'::jsonb,
  owner_name text,
  created_at timestamptz not null,
  unique (fir_id, item_no)
);
comment on table seized_item is 'An item of a seizure memo (IIF-4): description, quantity, identifying marks, value, and for vehicles and phones the numbers that identify them. Numbered per case (item_no). Append-only; where the item is now is the last custody_move.';

create table custody_move (
  id uuid primary key,
  item_id uuid not null references seized_item(id),
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  seq int not null check (seq > 0),
  kind text not null check (kind in ('malkhana_deposit', 'sent_to_fsl', 'returned_from_fsl', 'sent_to_court', 'returned_from_court', 'released_to_owner', 'destroyed')),
  from_location text not null,
  to_location text not null,
  place text not null,
  at timestamptz not null,
  reason text not null,
  handed_to text,
  order_ref text,
  author_id uuid not null references app_user(id),
  author_name text not null,
  author_rank text,
  created_at timestamptz not null,
  unique (item_id, seq)
);
comment on table custody_move is 'The chain of custody of a seized item: every move with who (author, handed_to), when (at), where (place, to_location) and why (reason), numbered per item in time order. A move starts where the item actually is (the previous move''s to_location, or seized), so an item is never in two places. Append-only.';
comment on column custody_move.from_location is 'seized (with the seizing officer), malkhana, fsl, court; checked against the previous move.';
comment on column custody_move.to_location is 'malkhana, fsl, court, released (to the owner, on a court order), destroyed (on an order).';
comment on column custody_move.order_ref is 'The court or competent authority''s order, required for release to the owner and destruction.';
create index custody_move_item_idx on custody_move (item_id, seq);

create table property_identifier (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  source text not null check (source in ('seizure', 'crime_details')),
  source_id uuid not null,
  kind text not null check (kind in ('vehicle_reg', 'engine_no', 'chassis_no', 'imei')),
  value text not null check (value ~ '^[A-Z0-9]{4,40}$'),
  description text not null,
  recorded_at timestamptz not null
);
comment on table property_identifier is 'Identifiers of property recorded in a case (seized items, and property stolen or involved in the crime details), normalised (upper case, letters and digits only), for the cross-case alert: a seized vehicle or phone that matches property of another case. A derived index: rows of crime details are replaced when the form is saved.';
create index property_identifier_lookup_idx on property_identifier (kind, value);
create index property_identifier_fir_idx on property_identifier (fir_id);

create table forensic_request (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  request_no int not null check (request_no > 0),
  lab text not null,
  what text not null,
  item_ids jsonb not null default '[]'::jsonb,
  questions text,
  sent_at timestamptz not null,
  author_id uuid not null references app_user(id),
  author_name text not null,
  created_at timestamptz not null,
  unique (fir_id, request_no)
);
comment on table forensic_request is 'A request to a forensic laboratory: what was sent (and which seized items), to which lab, when, and the questions asked. Append-only; the reports are forensic_report rows.';

create table forensic_report (
  id uuid primary key,
  request_id uuid not null references forensic_request(id),
  fir_id uuid not null references fir(id),
  state_code text not null,
  district_id uuid not null,
  subdivision_id uuid not null,
  station_id uuid not null,
  received_at timestamptz not null,
  report_ref text,
  document_id uuid references case_document(id),
  summary text not null,
  author_id uuid not null references app_user(id),
  author_name text not null,
  created_at timestamptz not null
);
comment on table forensic_report is 'A forensic laboratory''s report on a request, as received (the file, if uploaded, is a case document). Append-only.';
create index forensic_report_request_idx on forensic_report (request_id);

create trigger seizure_memo_append_only before update or delete on seizure_memo for each row execute function refuse_change_registered();
create trigger seizure_memo_no_truncate before truncate on seizure_memo for each statement execute function refuse_change_registered();
create trigger seized_item_append_only before update or delete on seized_item for each row execute function refuse_change_registered();
create trigger seized_item_no_truncate before truncate on seized_item for each statement execute function refuse_change_registered();
create trigger custody_move_append_only before update or delete on custody_move for each row execute function refuse_change_registered();
create trigger custody_move_no_truncate before truncate on custody_move for each statement execute function refuse_change_registered();
create trigger forensic_request_append_only before update or delete on forensic_request for each row execute function refuse_change_registered();
create trigger forensic_request_no_truncate before truncate on forensic_request for each statement execute function refuse_change_registered();
create trigger forensic_report_append_only before update or delete on forensic_report for each row execute function refuse_change_registered();
create trigger forensic_report_no_truncate before truncate on forensic_report for each statement execute function refuse_change_registered();
