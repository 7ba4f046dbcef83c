-- What a user is writing and has not sent yet: one draft per user and place (a new message, or a
-- reply in one conversation), encrypted like messages, gone once sent.
create table draft (
    practice_id       uuid not null references practice (id),
    user_id           uuid not null,
    scope             varchar(64) not null,
    content_ciphertext bytea not null,
    updated_at        timestamp with time zone not null,
    primary key (user_id, scope)
);
