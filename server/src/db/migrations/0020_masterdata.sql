-- Acts and sections master data: acts, their sections (with numeric punishments, classification
-- and validity dates), the IPC -> BNS mapping, NCRB crime heads, modus operandi, and a state's
-- per-section decisions. Loaded from server/masterdata/v<N>/*.csv by the masterdata module's
-- loader; an administrator extends the files (or edits rows, which the loader then leaves alone).
-- Runs identically on PostgreSQL and PGlite.

create table act (
  code text primary key check (code ~ '^[A-Z][A-Z0-9-]*$'),
  state_code text check (state_code ~ '^[A-Z]{2}$'),
  short_name text not null,
  name_en text not null,
  name_hi text not null,
  year int,
  kind text not null check (kind in ('penal_code', 'procedure', 'evidence', 'special', 'local')),
  in_force_from date,
  in_force_to date,
  replaced_by text references act(code) deferrable initially deferred,
  enabled boolean not null default true,
  notes text not null default '',
  data_version int not null,
  row_hash text not null,
  admin_edited boolean not null default false,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  check (in_force_to is null or in_force_from is null or in_force_to >= in_force_from)
);
comment on table act is 'An Act whose offences can be registered (BNS, IPC, special and local laws) or that the clocks cite (BNSS, CrPC). Master data: national rows and a state''s local Acts.';
comment on column act.code is 'Stable key used in FIRs and across states, e.g. BNS, IPC, NDPS. A state''s local Act is prefixed with its state code (e.g. BR-EXCISE).';
comment on column act.state_code is 'null = national; otherwise the state whose local Act this is.';
comment on column act.in_force_from is 'First calendar day (IST) on which an offence under the Act can be committed; applicability follows the date of the offence, not of registration.';
comment on column act.in_force_to is 'Last day of application (IPC: 2024-06-30). null = in force.';
comment on column act.replaced_by is 'The Act that replaced this one (IPC -> BNS, CrPC -> BNSS).';
comment on column act.data_version is 'The master data release (server/masterdata/v<N>) that last wrote this row.';
comment on column act.row_hash is 'SHA-256 of the row as loaded from the file; the loader rewrites a row only when it changes.';
comment on column act.admin_edited is 'True once an administrator edits the row in the application; the file loader then leaves it alone.';
comment on column act.version is 'Optimistic-concurrency version, incremented on every change.';

create table crime_head (
  code text primary key,
  parent_code text references crime_head(code) deferrable initially deferred,
  level int not null check (level between 1 and 5),
  state_code text check (state_code ~ '^[A-Z]{2}$'),
  category_en text not null,
  name_en text not null,
  name_hi text not null,
  kind text not null,
  source text not null default '',
  notes text not null default '',
  data_version int not null,
  row_hash text not null,
  admin_edited boolean not null default false,
  version int not null default 1,
  updated_at timestamptz not null default now()
);
comment on table crime_head is 'NCRB crime heads and sub-heads (Crime in India) used on IIF-2 and in NCRB-format reports, plus project codes for new BNS offences (B..) and special & local laws (S..).';
comment on column crime_head.code is 'NCRB serial as printed in Crime in India 2022 (e.g. 10.2C), or a project code (B01, S01) where NCRB has none yet.';
comment on column crime_head.level is '1 = head, 2 = sub-head, 3 = sub-sub-head.';
comment on column crime_head.kind is 'ipc_head, ipc_subhead, bns_new or sll.';

create table section (
  act_code text not null references act(code),
  section_code text not null check (section_code !~ '\s'),
  state_code text check (state_code ~ '^[A-Z]{2}$'),
  kind text not null check (kind in ('offence', 'linking', 'definition')),
  title_en text not null,
  title_hi text not null,
  keywords text not null default '',
  punishment_max text not null,
  max_months numeric(8, 2) check (max_months >= 0),
  min_months numeric(8, 2) check (min_months >= 0),
  max_death boolean not null,
  max_life boolean not null,
  fine_only boolean not null,
  cognizable text not null check (cognizable in ('yes', 'no', 'depends')),
  bailable text not null check (bailable in ('yes', 'no', 'depends')),
  compoundable text not null check (compoundable in ('yes', 'court', 'no', 'depends')),
  sensitive text not null check (sensitive in ('yes', 'no', 'depends')),
  crime_head_code text references crime_head(code),
  triable_by text not null default '',
  in_force_from date,
  in_force_to date,
  enabled boolean not null default true,
  disabled_reason text not null default '',
  custody_days_override int check (custody_days_override in (60, 90)),
  verified text not null default '',
  notes text not null default '',
  data_version int not null,
  row_hash text not null,
  admin_edited boolean not null default false,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  primary key (act_code, section_code),
  check (not (max_death or max_life) or max_months is null),
  check (enabled or disabled_reason <> '')
);
comment on table section is 'A punishable sub-section (or a read-with / definition section) of an Act, as cited in an FIR: title in English and Hindi, punishment, BNSS First Schedule classification, validity dates.';
comment on column section.section_code is 'As written in an FIR: 303(2), 64(1), 20(b)(ii)(A). Case of letters is kept; lookups ignore it.';
comment on column section.kind is 'offence; linking = cited with a principal offence whose punishment it takes (3(5), 61(2)(a), 62, 190); definition.';
comment on column section.keywords is 'Semicolon-separated everyday words (English, Hindi, Hinglish) for the FIR form''s section search.';
comment on column section.punishment_max is 'The punishment as the source states it, including minimum terms, alternative limbs and fines.';
comment on column section.max_months is 'Longest term of imprisonment in months (enhanced and conditional limbs included); 0 = fine only; null when death or life is possible, or when it depends on another offence.';
comment on column section.min_months is 'Least term the court must impose, in months; null when none. Decides the contested 10-year line of BNSS 187(3).';
comment on column section.max_death is 'Death is a possible punishment.';
comment on column section.max_life is 'Imprisonment for life is a possible punishment.';
comment on column section.cognizable is 'BNSS First Schedule; depends = on the facts (e.g. BNS 303(2) theft under Rs 5,000), answered on the FIR form.';
comment on column section.compoundable is 'BNSS 359: yes = 359(1) without leave; court = 359(2) only with the court''s permission; depends on the facts.';
comment on column section.sensitive is 'Sexual offences and offences against children: such FIRs never reach public pages and the victim''s identity never leaves the police side.';
comment on column section.in_force_from is 'First day an offence under this section can be committed; null = never notified (BNS 106(2)).';
comment on column section.enabled is 'False for a section that cannot be registered (not in force, struck down, kept in abeyance); disabled_reason says why.';
comment on column section.custody_days_override is 'BNSS 187(3) detention limit set for this section (60 or 90), overriding the one computed from the punishment; used for the contested 10-year line.';
comment on column section.verified is 'How far the row was checked against the Gazette text: yes / unverified (see server/masterdata/README.md).';

create index section_crime_head_idx on section (crime_head_code);

create table ipc_bns_map (
  ipc_act_code text not null default 'IPC' check (ipc_act_code = 'IPC'),
  ipc_section text not null,
  bns_act_code text not null default 'BNS' check (bns_act_code = 'BNS'),
  bns_section text not null,
  relation text not null check (relation in ('equivalent', 'partial', 'replaced')),
  note text not null default '',
  sources text not null default '',
  verified text not null default '',
  data_version int not null,
  row_hash text not null,
  admin_edited boolean not null default false,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  primary key (ipc_section, bns_section),
  foreign key (ipc_act_code, ipc_section) references section (act_code, section_code),
  foreign key (bns_act_code, bns_section) references section (act_code, section_code)
);
comment on table ipc_bns_map is 'Which BNS sections replaced which IPC sections (many-to-many). Used to suggest the BNS section for an IPC number and to join old and new cases in analytics.';
comment on column ipc_bns_map.relation is 'equivalent; partial = only part of the IPC section moved; replaced = a differently worded offence (124A -> 152).';
comment on column ipc_bns_map.sources is 'Source tags of the mapping (S1-S11 in the domain sources notes).';
create index ipc_bns_map_bns_idx on ipc_bns_map (bns_section);

create table modus_operandi (
  code text primary key,
  state_code text check (state_code ~ '^[A-Z]{2}$'),
  category_en text not null,
  category_hi text not null,
  name_en text not null,
  name_hi text not null,
  crime_head_codes text[] not null default '{}',
  notes text not null default '',
  data_version int not null,
  row_hash text not null,
  admin_edited boolean not null default false,
  version int not null default 1,
  updated_at timestamptz not null default now()
);
comment on table modus_operandi is 'Master list of modus operandi for IIF-2 (crime details), used to link cases; free text is recorded beside the code.';
comment on column modus_operandi.crime_head_codes is 'Crime heads the MO usually goes with, to order the list on the form; not a constraint.';

create table section_override (
  state_code text not null check (state_code ~ '^[A-Z]{2}$'),
  act_code text not null,
  section_code text not null,
  custody_days_override int check (custody_days_override in (60, 90)),
  basis text not null default '',
  data_version int not null,
  row_hash text not null,
  admin_edited boolean not null default false,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  primary key (state_code, act_code, section_code),
  foreign key (act_code, section_code) references section (act_code, section_code)
);
comment on table section_override is 'A state''s decision for one national section, e.g. its BNSS 187(3) class (60 or 90 days) on the contested 10-year line, with the basis (a High Court ruling, a circular).';
comment on column section_override.basis is 'Why the state set it; shown with the clock''s legal basis.';
