-- Recovery codes for staff two-step sign-in: ten single-use codes, each kept only as the SHA-256 of
-- the account id and the code (50 random bits each; see docs/security.md). A code is spent by one
-- conditional update (used_at set where it was null), so a code sent twice at once works once.
-- Regenerating, or an admin's reset of the authenticator, deletes every code of the account.
create table staff_recovery_code (
    id          uuid primary key,
    practice_id uuid not null references practice (id),
    user_id     uuid not null references user_account (id),
    code_hash   char(64) not null,
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create unique index staff_recovery_code_hash on staff_recovery_code (user_id, code_hash);
