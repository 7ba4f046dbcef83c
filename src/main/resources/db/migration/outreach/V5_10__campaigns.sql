-- Outreach campaigns. The cohort and the message templates are the practice's own words to many
-- patients, not any one patient's data; each patient's message is written (encrypted) by messaging.
create table campaign (
    id            uuid primary key,
    practice_id   uuid not null references practice (id),
    care_team_id  uuid not null,
    name          varchar(120) not null,
    cohort        varchar(2000) not null,
    message_en    varchar(5000),
    message_es    varchar(5000),
    status        varchar(16) not null,
    send_at       timestamp with time zone not null,
    created_by    uuid not null,
    created_at    timestamp with time zone not null,
    targeted      integer,
    started_at    timestamp with time zone,
    finished_at   timestamp with time zone,
    cancelled_by  uuid
);
create index campaign_practice on campaign (practice_id, created_at);
create index campaign_due on campaign (status, send_at);

-- One row per patient a campaign selected. The key makes sending idempotent per campaign and
-- patient: a restarted or second node can only take a pending row, and taking it is a row lock.
create table campaign_recipient (
    campaign_id     uuid not null references campaign (id),
    patient_id      uuid not null,
    practice_id     uuid not null references practice (id),
    status          varchar(16) not null,
    conversation_id uuid,
    sent_at         timestamp with time zone,
    read_at         timestamp with time zone,
    replied_at      timestamp with time zone,
    opted_out_at    timestamp with time zone,
    primary key (campaign_id, patient_id)
);
create index campaign_recipient_pending on campaign_recipient (campaign_id, status);
create unique index campaign_recipient_conversation on campaign_recipient (conversation_id);
create index campaign_recipient_contacted on campaign_recipient (practice_id, sent_at);
create index campaign_recipient_patient on campaign_recipient (practice_id, patient_id);

-- Staff other than practice admins whom an admin allows to send campaigns.
create table campaign_sender (
    practice_id uuid not null references practice (id),
    user_id     uuid not null,
    allowed_by  uuid not null,
    allowed_at  timestamp with time zone not null,
    primary key (practice_id, user_id)
);
