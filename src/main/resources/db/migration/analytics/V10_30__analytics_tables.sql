-- Analytics: figures about conversations, kept as conversations change. Ids, times, kind codes
-- and counts only: never a subject, a body, a name or a date of birth. Everything that needs the
-- practice's time zone or the team's office hours is worked out when the row is written, so the
-- queries are plain GROUP BYs over the practice's calendar days.

-- One row per conversation.
create table analytics_conversation (
    conversation_id   uuid primary key,
    practice_id       uuid not null references practice (id),
    care_team_id      uuid not null,
    kind              varchar(20) not null,
    from_campaign     boolean not null,
    started_at        timestamp with time zone not null,
    local_day         date not null,
    local_weekday     smallint not null,
    local_hour        smallint not null,
    after_hours       boolean not null,
    patient_messages  integer not null,
    staff_messages    integer not null,
    overdue           boolean not null,
    urgent            boolean not null
);
create index analytics_conversation_day on analytics_conversation (practice_id, local_day, care_team_id);

-- One row per wait: a patient wrote while no wait was open; it ends at the next staff reply
-- (answered) or when the team closed the conversation or left it waiting on the patient (ended,
-- not answered). Durations are the business time (the team's office hours, holidays excluded) and
-- the wall-clock time of the wait, in seconds, set when it is answered.
create table analytics_wait (
    conversation_id   uuid not null,
    started_seq       bigint not null,
    practice_id       uuid not null references practice (id),
    care_team_id      uuid not null,
    kind              varchar(20) not null,
    first_wait        boolean not null,
    waiting_since     timestamp with time zone not null,
    local_day         date not null,
    due_at            timestamp with time zone not null,
    ended_at          timestamp with time zone,
    answered_by       uuid,
    business_seconds  bigint,
    wall_seconds      bigint,
    within_promise    boolean,
    primary key (conversation_id, started_seq)
);
create index analytics_wait_day on analytics_wait (practice_id, local_day, care_team_id);
