-- identity-service's own data. Keycloak holds credentials, sessions and the authoritative roles; this database
-- keeps what Keycloak does not: profiles, pending instructor requests, one-time mail tokens, TOTP secrets (to check
-- a fresh code before removal), avatars, and a copy of email/name/roles/status for the admin search.

create table account (
    user_id              uuid primary key,              -- the Keycloak subject
    email                text        not null,
    display_name         text        not null,
    roles                text[]      not null,
    enabled              boolean     not null default true,
    email_verified       boolean     not null default false,
    instructor_requested boolean     not null default false,
    headline             text,
    bio                  text,
    learning_preferences jsonb       not null default '[]',
    expertise            jsonb       not null default '[]',
    social_links         jsonb       not null default '{}',
    credentials          jsonb       not null default '[]',
    -- phone, date of birth, address: AES-GCM ciphertext (FieldCipher), never stored or logged in clear
    personal_data        bytea,
    avatar_version       integer,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

create unique index account_email on account (lower(email));
create index account_created on account (created_at desc);

-- One-time tokens mailed for email verification and password reset. Only the SHA-256 of the token is stored, so a
-- database leak gives nobody a usable link.
create table account_token (
    token_hash bytea primary key,
    user_id    uuid        not null references account (user_id) on delete cascade,
    purpose    text        not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null
);

create index account_token_user on account_token (user_id, purpose);

-- The TOTP secret, encrypted: pending until confirmed with a first code, then kept to check the fresh code that
-- removing MFA requires. Keycloak holds its own copy as the OTP credential that it enforces at login.
create table totp_secret (
    user_id       uuid primary key references account (user_id) on delete cascade,
    secret        bytea       not null,
    credential_id text,
    created_at    timestamptz not null,
    confirmed_at  timestamptz
);

-- Re-encoded avatar images; served from /api/v1/users/{id}/avatar.
create table avatar (
    user_id      uuid primary key references account (user_id) on delete cascade,
    content      bytea       not null,
    content_type text        not null,
    updated_at   timestamptz not null
);
