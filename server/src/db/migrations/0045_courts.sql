-- Courts that receive final reports (BNSS 193(3)) from the police, the clerks of the demo
-- court screen, and the machine tokens with which a court's own system (eCourts / ICJS) calls
-- the court API. A court sees only the cases e-filed to it (prosecution module, 0046).

create table court (
  id uuid primary key,
  state_code text not null references state(code),
  district_id uuid not null references district(id),
  code text not null check (code ~ '^[A-Z0-9-]{2,20}$'),
  name text not null check (length(name) between 2 and 300),
  name_hi text not null check (length(name_hi) between 1 and 300),
  establishment_code text not null check (establishment_code ~ '^[A-Z0-9]{6}$'),
  created_at timestamptz not null,
  disabled_at timestamptz,
  unique (state_code, code),
  unique (establishment_code)
);
comment on table court is 'A court (a magistrate''s or sessions court) to which police stations of its district e-file final reports. Cases are scoped to the court they were e-filed to.';
comment on column court.establishment_code is 'The eCourts establishment code (state 2 + district 2 + establishment 2 letters/digits): the first six characters of the CNRs this court gives.';
comment on column court.disabled_at is 'Set when the court no longer receives final reports (its tokens stop working too).';
create index court_district_idx on court (district_id);

create table court_token (
  id uuid primary key,
  court_id uuid not null references court(id),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  label text not null check (length(label) between 1 and 200),
  created_by uuid references app_user(id),
  created_at timestamptz not null,
  revoked_at timestamptz
);
comment on table court_token is 'Bearer tokens of the court machine API (/api/v1/court/...), one or more per court. Only the SHA-256 of a token is stored: the token itself is shown once, when issued.';
comment on column court_token.token_hash is 'SHA-256 (hex) of the token. Tokens are 256-bit random values, so a plain hash (no salt, no slow KDF) is enough to make a leaked table useless.';
create index court_token_court_idx on court_token (court_id);

create table court_clerk (
  user_id uuid primary key references app_user(id),
  court_id uuid not null references court(id),
  created_at timestamptz not null
);
comment on table court_clerk is 'Users of role court and the court whose clerk screen they use: the e-filed packages waiting for acceptance, hearings, disposal and appeals of that court only.';
create index court_clerk_court_idx on court_clerk (court_id);
