-- The practice-wide FHIR export (FHIR Bulk Data style). A job is what an admin asked for; its files
-- wait here, encrypted under the practice's data key, until they are downloaded (then deleted) or
-- for 24 hours at most (the sweeper deletes them).
create table fhir_export_job (
    id               uuid primary key,
    practice_id      uuid not null references practice (id),
    requested_by     uuid not null,
    request_url      varchar(500) not null,
    app_base         varchar(500) not null,
    status           varchar(16) not null,
    requested_at     timestamp with time zone not null,
    transaction_time timestamp with time zone,
    finished_at      timestamp with time zone,
    done_count       integer not null default 0,
    error            varchar(300)
);
create index fhir_export_job_practice on fhir_export_job (practice_id, requested_at);
create index fhir_export_job_status on fhir_export_job (status, requested_at);

create table fhir_export_file (
    id                 uuid primary key,
    job_id             uuid not null references fhir_export_job (id) on delete cascade,
    practice_id        uuid not null references practice (id),
    resource_type      varchar(40) not null,
    resource_count     integer not null,
    content_ciphertext bytea not null,
    created_at         timestamp with time zone not null
);
create index fhir_export_file_job on fhir_export_file (job_id);
