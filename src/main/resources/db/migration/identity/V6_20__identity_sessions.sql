-- Browser sessions, so that any node can list and end them: one row per signed-in session, keyed by
-- the SHA-256 of a random handle held in the server-side session (never the JSESSIONID). The
-- session filter checks the row on every request; an ended or missing row signs the session out.
create table user_session (
    id           uuid primary key,
    practice_id  uuid not null references practice (id),
    user_id      uuid not null references user_account (id),
    handle_hash  varchar(64) not null unique,
    created_at   timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    device       varchar(80) not null,
    ended_at     timestamp with time zone
);
create index user_session_user on user_session (practice_id, user_id);

-- API tokens show on the same "signed-in devices" list: when last used (at most once a minute) and
-- from what kind of client (a summary of the User-Agent, never the whole header).
alter table api_token add column last_used_at timestamp with time zone;
alter table api_token add column device varchar(80);
