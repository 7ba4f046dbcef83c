-- Photos and PDFs sent with messages, stored encrypted (associated data binds the bytes to their
-- practice, conversation and attachment), with an encrypted thumbnail for photos.
create table attachment (
    id                   uuid primary key,
    practice_id          uuid not null references practice (id),
    conversation_id      uuid not null references conversation (id),
    message_id           uuid not null references message (id),
    filename             varchar(255) not null,
    content_type         varchar(100) not null,
    size_bytes           bigint not null,
    content_ciphertext   bytea not null,
    thumbnail_ciphertext bytea,
    created_at           timestamp with time zone not null
);
create index attachment_message on attachment (practice_id, message_id);
