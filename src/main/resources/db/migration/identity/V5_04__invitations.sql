-- One-time links: an invitation to set a password (and, later, sign-in links). Only the SHA-256 of
-- the token is kept; it is redeemed by one conditional update, so it can be used once.
create table invitation (
    id          uuid primary key,
    practice_id uuid not null references practice (id),
    user_id     uuid not null references user_account (id),
    purpose     varchar(32) not null,
    token_hash  varchar(64) not null unique,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index invitation_user on invitation (practice_id, user_id);
