-- A member of staff called the patient about a conversation (issue 21: the urgent path). The outcome
-- note may hold health information, so it is stored only as ciphertext, like message bodies; the
-- staff see the calls, the patient does not.
create table patient_call (
    id                 uuid primary key,
    practice_id        uuid not null references practice (id),
    conversation_id    uuid not null references conversation (id),
    caller_id          uuid not null,
    called_at          timestamp with time zone not null,
    outcome_ciphertext bytea
);
create index patient_call_conversation on patient_call (conversation_id, called_at);
