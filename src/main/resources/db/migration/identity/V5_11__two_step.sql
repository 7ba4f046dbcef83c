-- Staff sign in with a password and a code from an authenticator app (TOTP). The shared secret is
-- kept only as ciphertext under the practice's key; last_step refuses a code that was used before.
-- Demo accounts (seeded in demo mode only) are exempt.
alter table user_account add column two_step_exempt boolean not null default false;
create table staff_totp (
    user_id           uuid primary key references user_account (id),
    practice_id       uuid not null references practice (id),
    secret_ciphertext bytea not null,
    confirmed_at      timestamp with time zone,
    last_step         bigint not null default 0,
    created_at        timestamp with time zone not null
);
