-- Citizen e-complaints and e-FIRs, their attachments, the station's actions on them (FIR,
-- non-cognizable report, preliminary enquiry, transfer, closure) and the NCR register.
--
-- A complaint is a mutable row (status, version) with an append-only history
-- (complaint_event). The NCR register is a registered record: append-only like the GD.

create table complaint_serial (
  station_id uuid not null references station(id),
  year int not null check (year between 1900 and 2999),
  last int not null,
  primary key (station_id, year)
);
comment on table complaint_serial is 'The last acknowledgement serial given to an e-complaint addressed to a station in an IST year (upsert under a row lock: no gaps, no duplicates).';

create table complaint (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  ack_number text not null unique,
  citizen_id uuid not null references app_user(id),
  kind text not null check (kind ~ '^[a-z][a-z_]{1,39}$'),
  efir boolean not null default false,
  occurrence_from timestamptz not null,
  occurrence_to timestamptz,
  place text not null check (length(place) between 3 and 500),
  place_district_id uuid references district(id),
  place_lat double precision,
  place_lng double precision,
  description text not null check (length(description) between 10 and 10000),
  complainant jsonb not null,
  suspects jsonb not null default '[]'::jsonb,
  properties jsonb not null default '[]'::jsonb,
  property_total_value numeric(14, 2) not null default 0 check (property_total_value >= 0),
  submitted_at timestamptz not null,
  original_station_id uuid not null references station(id),
  information_gd_entry_id uuid references gd_entry(id),
  status text not null check (status in ('submitted', 'preliminary_enquiry', 'fir_registered', 'ncr_recorded', 'closed')),
  status_changed_at timestamptz not null,
  efir_sign_due_at timestamptz,
  efir_signed_at timestamptz,
  efir_signed_by uuid references app_user(id),
  pe_state text check (pe_state in ('awaiting_approval', 'approved', 'refused')),
  pe_sections jsonb,
  pe_reason text,
  pe_requested_at timestamptz,
  pe_requested_by uuid references app_user(id),
  pe_decided_at timestamptz,
  pe_decided_by uuid references app_user(id),
  pe_decision_remarks text,
  pe_due_at timestamptz,
  fir_id uuid references fir(id),
  ncr_id uuid,
  closed_reason text,
  closed_at timestamptz,
  closed_by uuid references app_user(id),
  version int not null default 1,
  updated_at timestamptz not null,
  check (occurrence_to is null or occurrence_to >= occurrence_from),
  check (status <> 'fir_registered' or fir_id is not null),
  check (status <> 'ncr_recorded' or ncr_id is not null),
  check (status <> 'closed' or closed_reason is not null),
  check (not efir or efir_sign_due_at is not null)
);
comment on table complaint is 'A complaint filed online by a signed-up citizen (e-complaint), or an e-FIR for the kinds the state allows online. Lives in the inbox of station_id until the station registers an FIR, records an NCR, or closes it with a reason.';
comment on column complaint.ack_number is 'The acknowledgement number given at once on submission: STATE/STATION/YEAR/serial (XA/PS01/2026/000123); it never changes, even on transfer.';
comment on column complaint.station_id is 'The station whose inbox holds the complaint now (changes on transfer); district_id and subdivision_id follow it, so the jurisdiction filter is one comparison.';
comment on column complaint.original_station_id is 'The station the citizen addressed; the acknowledgement number carries its code.';
comment on column complaint.efir is 'Filed as an e-FIR (kind in EFIR_KINDS): BNSS 173(1)(ii), taken on record once the informant signs it at the station within 3 days.';
comment on column complaint.complainant is 'The complainant as the citizen gave it: name, relativeName, address, mobile, email, ... Police side only; never public.';
comment on column complaint.suspects is 'Suspects if known: [{name, description, address}]. Police side only.';
comment on column complaint.properties is 'Property lost: [{type, description, value}]; property_total_value is their sum.';
comment on column complaint.information_gd_entry_id is 'The GD entry at the current station recording that the information reached it (on receipt, or on transfer in); the FIR registered from it cites this entry.';
comment on column complaint.efir_sign_due_at is 'submitted_at + 3 days: the BNSS 173(1)(ii) limit for the informant''s signature. Unsigned after it, the e-FIR is flagged to the station.';
comment on column complaint.pe_state is 'Preliminary enquiry (BNSS 173(3)): awaiting_approval by a DSP-rank officer (SDPO), approved (the 14-day clock runs from the approval), refused (back to the inbox).';
comment on column complaint.pe_sections is 'The sections the enquiry is about, [{act, section}]; their gravest punishment must be 3 years or more and under 7 years.';
comment on column complaint.pe_due_at is 'pe_decided_at + 14 days for an approved enquiry (BNSS 173(3)).';
comment on column complaint.closed_reason is 'Shown to the citizen. No path closes a complaint without a reason (Lalita Kumari v. State of UP; BNSS 173(4)).';
comment on column complaint.version is 'Optimistic lock: an action says where version = $n; zero rows updated answers 412.';
create index complaint_inbox_idx on complaint (station_id, submitted_at) where status in ('submitted', 'preliminary_enquiry');
create index complaint_citizen_idx on complaint (citizen_id, submitted_at desc);
create index complaint_fir_idx on complaint (fir_id) where fir_id is not null;
create index complaint_district_idx on complaint (district_id, submitted_at);
create index complaint_subdivision_idx on complaint (subdivision_id, submitted_at);

create table complaint_event (
  id uuid primary key,
  complaint_id uuid not null references complaint(id),
  state_code text not null,
  station_id uuid not null references station(id),
  at timestamptz not null,
  action text not null check (action ~ '^[a-z][a-z_]{1,39}$'),
  from_status text,
  to_status text not null,
  actor_id uuid references app_user(id),
  actor_name text not null,
  actor_rank text,
  gd_entry_id uuid references gd_entry(id),
  public_note text,
  details jsonb not null default '{}'::jsonb
);
comment on table complaint_event is 'Append-only history of a complaint: submitted, signed, transferred, preliminary enquiry opened/approved/refused, FIR registered, NCR recorded, closed. The citizen sees each with its public_note.';
comment on column complaint_event.station_id is 'The station that acted (for a transfer, the sending one).';
comment on column complaint_event.public_note is 'What the citizen is told about this step (e.g. the closure reason); null when the step says enough by itself.';
create index complaint_event_complaint_idx on complaint_event (complaint_id, at);

create trigger complaint_event_append_only before update or delete on complaint_event
  for each row execute function refuse_change_registered();
create trigger complaint_event_no_truncate before truncate on complaint_event
  for each statement execute function refuse_change_registered();

create table complaint_attachment (
  id uuid primary key,
  complaint_id uuid not null references complaint(id),
  state_code text not null,
  position int not null check (position between 1 and 5),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes int not null check (size_bytes between 1 and 10485760),
  mime text not null check (mime in ('application/pdf', 'image/jpeg', 'image/png', 'audio/mpeg', 'video/mp4')),
  ext text not null check (ext in ('pdf', 'jpg', 'png', 'mp3', 'mp4')),
  original_name text not null,
  created_at timestamptz not null,
  unique (complaint_id, position),
  unique (complaint_id, sha256)
);
comment on table complaint_attachment is 'Files sent with a complaint: at most 5, each up to 10 MB, PDF/JPEG/PNG/MP3/MP4 by content (magic bytes), stored outside the web root under UPLOAD_DIR by their SHA-256 and served only as downloads.';
comment on column complaint_attachment.mime is 'The type found in the file''s content, not the one the browser claimed or the name suggested.';
comment on column complaint_attachment.original_name is 'The name the citizen''s file had, cleaned of path and control characters; used only for the download''s file name.';
create index complaint_attachment_sha_idx on complaint_attachment (sha256);

create trigger complaint_attachment_append_only before update or delete on complaint_attachment
  for each row execute function refuse_change_registered();

create table ncr_serial (
  station_id uuid not null references station(id),
  year int not null check (year between 1900 and 2999),
  last int not null,
  primary key (station_id, year)
);
comment on table ncr_serial is 'The last NCR number given at a station in an IST year.';

create table ncr (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  subdivision_id uuid not null references subdivision(id),
  station_id uuid not null references station(id),
  year int not null,
  serial int not null check (serial > 0),
  ncr_number text not null,
  complaint_id uuid references complaint(id),
  recorded_at timestamptz not null,
  recorded_by uuid references app_user(id),
  officer_name text not null,
  officer_rank text,
  gd_entry_id uuid not null references gd_entry(id),
  sections jsonb not null default '[]'::jsonb,
  substance text not null check (length(substance) between 10 and 10000),
  referred_to text not null,
  unique (station_id, year, serial)
);
comment on table ncr is 'The register of non-cognizable reports (BNSS 174(1)): the substance of the information is entered and the informant referred to the Magistrate. A diary of these goes to the Magistrate every fortnight (GET /api/v1/complaints/ncr?from&to). Append-only.';
comment on column ncr.referred_to is 'The Magistrate the informant was referred to.';
create index ncr_station_recorded_idx on ncr (station_id, recorded_at);

create trigger ncr_append_only before update or delete on ncr
  for each row execute function refuse_change_registered();
create trigger ncr_no_truncate before truncate on ncr
  for each statement execute function refuse_change_registered();
