-- The care team's promise on each conversation: since when a patient has waited for an answer,
-- when it is due (in business time), whether Bedside already sent the after-hours reply for this
-- closed period, and whether the overdue notice went out for this wait.
create table conversation_promise (
    practice_id          uuid not null references practice (id),
    conversation_id      uuid primary key,
    care_team_id         uuid not null,
    waiting_since        timestamp with time zone,
    due_at               timestamp with time zone,
    after_hours_reply_at timestamp with time zone,
    escalated_at         timestamp with time zone,
    urgent_at            timestamp with time zone,
    updated_at           timestamp with time zone not null
);
create index conversation_promise_due on conversation_promise (due_at);

-- A practice's own urgent phrases; a practice without any uses Bedside's defaults.
create table urgent_phrase (
    practice_id uuid not null references practice (id),
    phrase      varchar(200) not null,
    primary key (practice_id, phrase)
);
