-- Notifications: the dev outbox, where e-mail and SMS land when no SMTP server or SMS gateway
-- is configured (the embedded default), so that `npm start` alone shows the whole flow.

create table notify_dev_message (
  id uuid primary key,
  outbox_id uuid not null,
  state_code text not null,
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  subject text,
  body text not null,
  kind text,
  delivered_at timestamptz not null
);
comment on table notify_dev_message is 'E-mail and SMS "delivered" by the dev outbox (no SMTP_URL / SMS_GATEWAY_URL). Readable by an administrator at GET /api/v1/admin/dev-outbox while no provider is configured; never used when both providers are set.';
comment on column notify_dev_message.outbox_id is 'The outbox row this message was delivered from.';
create index notify_dev_message_delivered_idx on notify_dev_message (delivered_at);
