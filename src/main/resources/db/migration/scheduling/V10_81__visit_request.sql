-- "Needs a visit" (issue 19): a conversation turned into an appointment request for the front desk.
-- The reason and the patient's preferred times (with their note) are PHI: stored only as Tink
-- ciphertext bound to the practice and the request. Status, urgency, visit type and the time
-- offered or booked are codes and times, kept in clear for the front desk's queue.
create table visit_request (
    id                     uuid primary key,
    practice_id            uuid not null references practice (id),
    conversation_id        uuid not null,
    patient_id             uuid not null,
    care_team_id           uuid not null,
    status                 varchar(16) not null,
    urgency                varchar(16) not null,
    visit_type             varchar(16) not null,
    reason_ciphertext      bytea not null,
    preferences_ciphertext bytea,
    preferences_at         timestamp with time zone,
    slot_at                timestamp with time zone,
    requested_by           uuid not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null
);
create index visit_request_queue on visit_request (practice_id, status, created_at);
create index visit_request_conversation on visit_request (practice_id, conversation_id);
create index visit_request_patient on visit_request (practice_id, patient_id);
