-- Account security: captcha, lockout, OTP, TOTP two-factor, recovery codes, known devices,
-- and a public id for sessions. Runs identically on PostgreSQL and PGlite.

create table server_key (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
comment on table server_key is 'Random keys made once on first use when APP_SECRET is not set (embedded/demo mode only): the HMAC key for captcha answers, OTPs and recovery codes, and the key that encrypts TOTP secrets. With APP_SECRET set (required in production) the keys are derived from it and this table stays unused.';

create table captcha (
  id uuid primary key,
  kind text not null check (kind in ('image', 'text')),
  answer_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
comment on table captcha is 'Captchas shown on the login and forgot-password forms. Single use, valid 5 minutes; the answer is never stored or sent as text.';
comment on column captcha.kind is 'image: distorted letters (SVG); text: a spoken-style arithmetic question for screen-reader users (WCAG 2.2 SC 3.3.8).';
comment on column captcha.answer_hash is 'HMAC-SHA256 (server key) of the captcha id and the lower-cased answer.';
comment on column captcha.used_at is 'Set by the first attempt to answer it, right or wrong: a captcha is never checked twice.';
create index captcha_expires_idx on captcha (expires_at);

create table auth_state (
  user_id uuid primary key references app_user(id),
  locked_until timestamptz,
  locked_at timestamptz,
  totp_secret text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  totp_pending_secret text,
  totp_pending_at timestamptz,
  updated_at timestamptz not null
);
comment on table auth_state is 'Per-user security state kept apart from the profile: lockout and the TOTP second factor. A user without a row has no lock and no 2FA.';
comment on column auth_state.locked_until is 'Officers: 5 wrong passwords or second-factor codes within 15 minutes lock the account for 30 minutes; even the right password is refused until then or until an administrator unlocks it.';
comment on column auth_state.totp_secret is 'The confirmed TOTP secret (RFC 6238), AES-256-GCM encrypted with a key derived from the server secret.';
comment on column auth_state.totp_last_step is 'The last accepted 30-second time step: a code from this step or an earlier one is refused (no replay).';
comment on column auth_state.totp_pending_secret is 'An enrolment begun but not yet confirmed with a first code; encrypted like totp_secret.';

create table auth_failure (
  id uuid primary key,
  user_id uuid references app_user(id),
  kind text not null check (kind in ('password', 'second_factor')),
  occurred_at timestamptz not null,
  ip text
);
comment on table auth_failure is 'Wrong passwords and wrong second-factor codes, counted for the lockout (officers) and the growing delay (citizens). A success or an unlock deletes the user''s rows: a success resets the counter.';
comment on column auth_failure.user_id is 'Null for an unknown username (kept so that both cases do the same work and for per-IP monitoring).';
create index auth_failure_user_idx on auth_failure (user_id, occurred_at);

create table otp (
  id uuid primary key,
  user_id uuid not null references app_user(id),
  purpose text not null,
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts int not null default 0,
  used_at timestamptz,
  ended_at timestamptz,
  end_reason text
);
comment on table otp is 'One-time codes sent by e-mail and SMS (password reset, citizen sign-in). 6 digits from a cryptographic source, valid 10 minutes, used once, at most 5 tries, bound to one user and one purpose; a new code ends the old one.';
comment on column otp.purpose is 'What the code was issued for (password_reset, ...); a code only works for that purpose.';
comment on column otp.code_hash is 'HMAC-SHA256 (server key) of the OTP id and the code; the code itself is never stored.';
comment on column otp.end_reason is 'used, superseded (a newer code was sent), too_many_tries or expired.';
create index otp_live_idx on otp (user_id, purpose, created_at) where ended_at is null;

create table recovery_code (
  id uuid primary key,
  user_id uuid not null references app_user(id),
  code_hash text not null,
  created_at timestamptz not null,
  used_at timestamptz
);
comment on table recovery_code is 'Ten single-use codes given once when TOTP is switched on, for when the phone is lost. Stored only as HMAC-SHA256.';
create index recovery_code_user_idx on recovery_code (user_id) where used_at is null;

create table known_device (
  user_id uuid not null references app_user(id),
  fingerprint text not null,
  label text not null,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  primary key (user_id, fingerprint)
);
comment on table known_device is 'Browser and network a user has logged in from; a login from one not seen before sends the user a notice.';
comment on column known_device.fingerprint is 'sha256 of the browser family, the operating system and the network (IPv4 /16, IPv6 /32).';

alter table session add column public_id uuid;
update session set public_id = gen_random_uuid() where public_id is null;
alter table session alter column public_id set not null;
create unique index session_public_id_idx on session (public_id);
comment on column session.public_id is 'The id shown on "Your sessions" and used to end one; the row id is the hash of the cookie token and never leaves the server.';
