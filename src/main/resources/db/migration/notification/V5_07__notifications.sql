-- Notifications: an outbox written in the same transaction as what causes it, delivered afterwards.
-- A row holds ids and a kind only; the words sent are made at delivery and never name a patient.
create table notification (
    id              uuid primary key,
    practice_id     uuid not null references practice (id),
    user_id         uuid not null,
    kind            varchar(32) not null,
    conversation_id uuid,
    care_team_id    uuid,
    status          varchar(16) not null,
    due_at          timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    attempts        integer not null default 0,
    claimed_at      timestamp with time zone,
    channel         varchar(8),
    last_error      varchar(300),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index notification_ready on notification (status, next_attempt_at);
create index notification_user on notification (practice_id, user_id, kind, status);

-- Each person's choices: channel, quiet hours in their time zone, and the key of their
-- unsubscribe link (it names nobody; it only turns notices off).
create table notification_preference (
    practice_id       uuid not null references practice (id),
    user_id           uuid primary key,
    channel           varchar(8) not null,
    quiet_start       time,
    quiet_end         time,
    time_zone         varchar(64) not null,
    unsubscribe_token varchar(64) not null unique,
    updated_at        timestamp with time zone not null
);

-- Demo mode: what would have been sent, instead of sending it.
create table dev_outbox (
    id              uuid primary key,
    practice_id     uuid not null references practice (id),
    notification_id uuid not null,
    channel         varchar(8) not null,
    to_address      varchar(320) not null,
    subject         varchar(300),
    body            varchar(2000) not null,
    created_at      timestamp with time zone not null
);
create index dev_outbox_created on dev_outbox (created_at);
