-- Issue 17, search inside encrypted messages: a blind index. Each row says "this message holds a
-- word with this token", where the token is the first 8 bytes of HMAC-SHA-256 of a normalised
-- word, stem or prefix under the practice's search key (crypto_search_key). No word is stored.
-- One row per distinct token per message, written in the send's transaction. `internal` is kept
-- here so that a patient's search never even reads a note's rows.
create table message_search_token (
    practice_id     uuid not null references practice (id),
    token           bigint not null,
    created_at      timestamp with time zone not null,
    message_id      uuid not null references message (id),
    conversation_id uuid not null,
    internal        boolean not null,
    -- A search reads each query word's rows newest first: one index range per token.
    primary key (practice_id, token, created_at, message_id)
);
-- A re-index replaces one message's rows at a time.
create index message_search_token_message on message_search_token (message_id);
