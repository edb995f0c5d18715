-- Transactional outbox and idempotency keys, shared by every module.

create table outbox (
  id uuid primary key,
  state_code text not null,
  topic text not null,
  payload jsonb not null,
  dedupe_key text unique,
  created_at timestamptz not null,
  available_at timestamptz not null,
  attempts int not null default 0,
  last_error text,
  delivered_at timestamptz,
  failed_at timestamptz
);
comment on table outbox is 'What leaves the system (e-mail, SMS, court e-filing, federation events) is written here in the same transaction as the change, and delivered after commit with retries and backoff.';
comment on column outbox.topic is 'Delivery channel: email, sms, court.efile, federation.<event>, ...';
comment on column outbox.dedupe_key is 'Makes a message that must go once (e.g. an e-filing) impossible to enqueue twice.';
comment on column outbox.available_at is 'Not before this time: the next retry after a failure (exponential backoff).';
comment on column outbox.failed_at is 'Set when attempts are exhausted; the row stays for an administrator to retry.';
create index outbox_pending_idx on outbox (available_at) where delivered_at is null and failed_at is null;

create table idempotency_key (
  key text not null,
  scope text not null,
  user_id uuid not null,
  request_hash text not null,
  response_status int not null,
  response_body jsonb not null,
  created_at timestamptz not null,
  primary key (scope, user_id, key)
);
comment on table idempotency_key is 'Idempotency-Key of a submission: a repeat with the same key returns the stored answer; the same key with a different body is refused (422).';
comment on column idempotency_key.request_hash is 'sha256 of the canonical request body.';
