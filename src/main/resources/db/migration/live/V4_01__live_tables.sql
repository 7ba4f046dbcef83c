-- The durable per-user event log behind the live streams. Each user's events are numbered by
-- their own counter, bumped under a row lock in the transaction that causes the event, so a
-- user's event ids are in commit order: if event 7 is visible, event 6 is too.
create table live_user (
    user_id       uuid primary key,
    practice_id   uuid not null references practice (id),
    last_event_id bigint not null
);

create table live_event (
    user_id     uuid not null,
    event_id    bigint not null,
    practice_id uuid not null references practice (id),
    type        varchar(32) not null,
    data        varchar(1000) not null,
    created_at  timestamp with time zone not null,
    primary key (user_id, event_id)
);
create index live_event_created on live_event (created_at);
