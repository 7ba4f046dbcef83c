-- Conversations between one patient and one care team, their messages, who has read how far,
-- and the idempotency keys of sends. Subjects and bodies are stored only as Tink ciphertext.
create table conversation (
    id                 uuid primary key,
    practice_id        uuid not null references practice (id),
    patient_id         uuid not null,
    care_team_id       uuid not null,
    provider_id        uuid,
    kind               varchar(16) not null,
    status             varchar(24) not null,
    priority           varchar(16) not null,
    assignee_id        uuid,
    subject_ciphertext bytea not null,
    last_seq           bigint not null,
    last_activity_at   timestamp with time zone not null,
    -- What the patient can see: internal notes neither count nor move the conversation for them.
    last_public_seq         bigint not null,
    last_public_activity_at timestamp with time zone not null,
    created_by         uuid not null,
    created_at         timestamp with time zone not null
);
create index conversation_practice_activity on conversation (practice_id, last_activity_at desc, id desc);
create index conversation_patient_activity on conversation (practice_id, patient_id, last_public_activity_at desc, id desc);

create table message (
    id              uuid primary key,
    practice_id     uuid not null references practice (id),
    conversation_id uuid not null references conversation (id),
    seq             bigint not null,
    author_id       uuid not null,
    author_kind     varchar(16) not null,
    body_ciphertext bytea not null,
    internal        boolean not null,
    created_at      timestamp with time zone not null,
    unique (conversation_id, seq)
);

create table read_state (
    practice_id       uuid not null references practice (id),
    conversation_id   uuid not null references conversation (id),
    user_id           uuid not null,
    reader_kind       varchar(16) not null,
    reader_patient_id uuid,
    last_read_seq     bigint not null,
    read_at           timestamp with time zone not null,
    primary key (conversation_id, user_id)
);

-- Scoped to (practice, user, key); kept at least 24 hours, then swept.
create table idempotency_key (
    practice_id     uuid not null references practice (id),
    user_id         uuid not null,
    idem_key        varchar(255) not null,
    request_hash    varchar(64) not null,
    conversation_id uuid not null,
    message_id      uuid,
    created_at      timestamp with time zone not null,
    primary key (practice_id, user_id, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);
