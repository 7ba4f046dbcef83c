-- Accounts that can sign in (staff and patients), and the API tokens issued to them.
create table user_account (
    id            uuid primary key,
    practice_id   uuid not null references practice (id),
    kind          varchar(16) not null,
    email         varchar(320) not null unique,
    password_hash varchar(255),
    roles         varchar(255) not null default '',
    patient_id    uuid references patient (id),
    active        boolean not null default true,
    created_at    timestamp with time zone not null
);
create index user_account_practice on user_account (practice_id);

-- Only the SHA-256 of a token is stored; the token itself is shown once, to its owner.
create table api_token (
    id          uuid primary key,
    practice_id uuid not null references practice (id),
    user_id     uuid not null references user_account (id),
    token_hash  varchar(64) not null unique,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);
create index api_token_user on api_token (practice_id, user_id);
