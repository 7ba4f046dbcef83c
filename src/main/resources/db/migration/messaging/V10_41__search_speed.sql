-- Issue 17, search speed: the blind index without foreign keys. Every row of a send's tokens paid
-- two foreign-key checks (practice, message) that cost more than the row itself; the rows are
-- written only in the transaction that writes their message, under the practice's key, and a
-- search reads a candidate's message row before it shows anything, so a row can neither point to
-- another practice's message nor show a missing one. The table is made again (H2 and PostgreSQL
-- name foreign keys differently), with its rows.
alter table message_search_token rename to message_search_token_old;
create table message_search_token (
    practice_id     uuid not null,
    token           bigint not null,
    created_at      timestamp with time zone not null,
    message_id      uuid not null,
    conversation_id uuid not null,
    internal        boolean not null,
    -- A search reads the rarest word's rows newest first (one index range), and probes this key for
    -- the other words: every row of a message has the message's time.
    constraint message_search_token_key primary key (practice_id, token, created_at, message_id)
);
insert into message_search_token (practice_id, token, created_at, message_id, conversation_id, internal)
select practice_id, token, created_at, message_id, conversation_id, internal from message_search_token_old;
drop table message_search_token_old;
-- A re-index replaces one message's rows at a time.
create index message_search_token_message on message_search_token (message_id);
