-- A patient's change of email address, waiting for the one-time link sent to the new address.
-- The link itself is an invitation row (purpose email-change); this row says which address it
-- confirms. old_email is kept so the old address can be told once the change is made.
create table email_change (
    id           uuid primary key,
    practice_id  uuid not null references practice (id),
    user_id      uuid not null references user_account (id),
    new_email    varchar(320) not null,
    old_email    varchar(320),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    confirmed_at timestamp with time zone,
    cancelled_at timestamp with time zone
);
create index email_change_user on email_change (practice_id, user_id);

