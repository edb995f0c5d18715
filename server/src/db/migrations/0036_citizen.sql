-- Citizen accounts (sign-up with a mobile number or e-mail and an OTP, then a password) and the
-- stage history of FIRs that citizens follow.

create table citizen_account (
  user_id uuid primary key references app_user(id),
  state_code text not null references state(code),
  status text not null check (status in ('pending', 'active')),
  mobile text,
  email text,
  signup_started_at timestamptz not null,
  activated_at timestamptz,
  mobile_verified_at timestamptz,
  email_verified_at timestamptz,
  version int not null default 1,
  updated_at timestamptz not null,
  check (mobile is not null or email is not null)
);
comment on table citizen_account is 'A citizen''s self-registered account. pending: the sign-up began and an OTP was sent; the app_user row exists but is disabled and has no usable password. active: the OTP was verified and a password set.';
comment on column citizen_account.mobile_verified_at is 'When an OTP sent to the mobile number was entered correctly (the code goes to every channel given, so one code verifies the channel it was read from; both are stamped).';
create index citizen_account_mobile_idx on citizen_account (mobile) where mobile is not null;

create table case_stage_event (
  id uuid primary key,
  fir_id uuid not null references fir(id),
  state_code text not null,
  station_id uuid not null references station(id),
  stage text not null check (stage ~ '^[a-z][a-z_]{1,39}$'),
  result text,
  at timestamptz not null,
  note text,
  notified boolean not null default false
);
comment on table case_stage_event is 'Each stage an FIR reaches (registered, under_investigation, charge_sheeted, final_report_filed, under_trial, disposed), appended by notifyStageChange() in the transaction that moves the stage; the citizen''s "full stage history". Append-only.';
comment on column case_stage_event.result is 'For disposed: the result (convicted, acquitted, discharged, compounded, ...).';
comment on column case_stage_event.notified is 'An SMS/e-mail to the informant was enqueued in the same transaction.';
create index case_stage_event_fir_idx on case_stage_event (fir_id, at);

create trigger case_stage_event_append_only before update or delete on case_stage_event
  for each row execute function refuse_change_registered();
create trigger case_stage_event_no_truncate before truncate on case_stage_event
  for each statement execute function refuse_change_registered();
