-- The audit trail: who did what to which patient's data, when, from where, and whether it was
-- allowed. audit_event rows are written by requests; a sealer then chains them per practice in
-- audit_chain (SHA-256 over the previous hash and the row), so that a changed, removed or
-- reordered row is detected. Both are append-only (see db/vendor/*/V2_02).
create table audit_event (
    id             uuid primary key,
    practice_id    uuid not null references practice (id),
    occurred_at    timestamp with time zone not null,
    actor_id       uuid,
    actor_kind     varchar(16) not null,
    -- For a patient actor, the patient record they act as (names them in access reports).
    actor_patient_id uuid,
    patient_id     uuid,
    action         varchar(64) not null,
    target_type    varchar(32),
    target_id      varchar(64),
    client_address varchar(64),
    user_agent     varchar(256),
    allowed        boolean not null
);
create index audit_event_practice_time on audit_event (practice_id, occurred_at, id);
create index audit_event_patient_time on audit_event (practice_id, patient_id, occurred_at, id);

-- Events written but not yet chained; the sealer's work queue. Rows leave it when sealed.
create table audit_pending (
    event_id    uuid primary key references audit_event (id),
    practice_id uuid not null references practice (id)
);
create index audit_pending_practice on audit_pending (practice_id);

create table audit_chain (
    practice_id uuid not null references practice (id),
    chain_seq   bigint not null,
    event_id    uuid not null unique references audit_event (id),
    prev_hash   varchar(64) not null,
    hash        varchar(64) not null,
    primary key (practice_id, chain_seq)
);

-- The head of each practice's chain. Locking this row serializes the sealers of one practice.
create table audit_chain_head (
    practice_id uuid primary key references practice (id),
    last_seq    bigint not null,
    last_hash   varchar(64) not null,
    updated_at  timestamp with time zone not null
);

-- Authenticated (AES-GCM tag under the practice's key) snapshots of the chain head, so that a
-- rewrite of every hash after some point is still caught.
create table audit_checkpoint (
    practice_id uuid not null references practice (id),
    chain_seq   bigint not null,
    hash        varchar(64) not null,
    signature   varchar(200) not null,
    created_at  timestamp with time zone not null,
    primary key (practice_id, chain_seq)
);
