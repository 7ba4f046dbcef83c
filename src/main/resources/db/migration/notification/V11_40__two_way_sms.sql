-- Two-way SMS (issue 18). A practice's own SMS number: inbound texts to it are the practice's, and
-- its outbound texts go from it. full_text: the practice lets replies go out in full by text to
-- patients who agreed to receive health information that way (off by default). The gateway's
-- webhook signing secret is made by Bedside, shown once, and kept only as ciphertext.
create table sms_number (
    practice_id       uuid primary key references practice (id),
    phone             varchar(16) not null,
    full_text         boolean default false not null,
    secret_ciphertext bytea not null,
    updated_at        timestamp with time zone not null
);
create unique index sms_number_phone on sms_number (phone);

-- A patient's agreement to texting, with the time and the exact words they were shown; separately
-- the agreement to receive health information by text (whose words say texts are not encrypted).
-- phone: the number the agreement is for (the record's number when they agreed), so an inbound
-- text is matched to exactly one account. stopped_at: the patient texted STOP.
create table sms_consent (
    user_id         uuid primary key,
    practice_id     uuid not null references practice (id),
    patient_id      uuid not null,
    phone           varchar(16) not null,
    texting_at      timestamp with time zone,
    texting_words   varchar(1000),
    health_at       timestamp with time zone,
    health_words    varchar(1000),
    stopped_at      timestamp with time zone,
    updated_at      timestamp with time zone not null
);
create index sms_consent_phone on sms_consent (practice_id, phone);

-- STOP from a number with no agreement: carriers require that it gets nothing more. Only a keyed
-- hash of the number (the practice's blind-index key) is kept, never the number.
create table sms_opt_out (
    practice_id uuid not null references practice (id),
    phone_token bigint not null,
    stopped_at  timestamp with time zone not null,
    primary key (practice_id, phone_token)
);

-- The inbound queue: the webhook stores the raw text (sender, body, media links, as one
-- ciphertext) and answers at once; a worker claims rows (for update skip locked) and handles them.
-- gateway_id makes a redelivery a no-op; signature refuses the same signed request twice.
-- reply: the fixed answer to text back (its code), sent through the notification outbox; the
-- content of a text that is not kept (unknown number, refused media) is erased once answered.
create table sms_inbound (
    id                 uuid primary key,
    practice_id        uuid not null references practice (id),
    gateway_id         varchar(64) not null,
    signature          varchar(64) not null,
    content_ciphertext bytea,
    status             varchar(16) not null,
    attempts           integer default 0 not null,
    next_attempt_at    timestamp with time zone not null,
    claimed_at         timestamp with time zone,
    reply              varchar(24),
    reply_language     varchar(8),
    last_error         varchar(300),
    received_at        timestamp with time zone not null
);
create unique index sms_inbound_gateway on sms_inbound (practice_id, gateway_id);
create unique index sms_inbound_signature on sms_inbound (signature);
create index sms_inbound_ready on sms_inbound (status, next_attempt_at);

-- How a message came in: null through Bedside's pages or API, 'sms' by text message.
alter table message add column via varchar(8);
