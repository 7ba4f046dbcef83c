-- Each practice's search keys (HMAC-SHA-256 PRF keysets for the blind index of message words),
-- wrapped by the master key like the data keysets. The highest version is the current one; an
-- older one lives only while a re-index moves the practice's index to the new one.
create table crypto_search_key (
    practice_id    uuid not null references practice (id),
    version        integer not null,
    wrapped_keyset text not null,
    created_at     timestamp with time zone not null,
    primary key (practice_id, version)
);
