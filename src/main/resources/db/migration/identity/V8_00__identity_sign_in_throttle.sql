-- The sign-in throttle, shared by every node (docs/security.md, finding 1). What is counted (an
-- account's email, a client address, a second-step code) is kept only as the SHA-256 of its key,
-- so this table names no one.
--
-- sign_in_throttle has one row per key, which a node locks (an UPDATE) while it counts and adds an
-- attempt: two nodes counting the same key wait for each other, so a burst cannot slip between the
-- count and the add. sign_in_attempt holds one row per attempt inside the sliding window; both are
-- pruned once older than the window (LoginThrottle).
create table sign_in_throttle (
    key_hash  varchar(64) primary key,
    last_seen timestamp with time zone not null
);

create table sign_in_attempt (
    id           uuid primary key,
    key_hash     varchar(64) not null,
    attempted_at timestamp with time zone not null
);
create index sign_in_attempt_by_key on sign_in_attempt (key_hash, attempted_at);
create index sign_in_attempt_by_time on sign_in_attempt (attempted_at);
create index sign_in_throttle_by_time on sign_in_throttle (last_seen);
