-- Family access: an account that may act for a patient record other than its own (a parent or
-- guardian of a minor, a caregiver of an adult). A grant is never deleted: ending it (revoked, or the
-- patient came of age) stamps ended_at, so the access report can say who could act, and when.
create table proxy_grant (
    id            uuid primary key,
    practice_id   uuid not null references practice (id),
    patient_id    uuid not null references patient (id),
    proxy_user_id uuid not null references user_account (id),
    relationship  varchar(16) not null,
    granted_by    uuid not null,
    granted_at    timestamp with time zone not null,
    ended_at      timestamp with time zone,
    ended_by      uuid,
    end_reason    varchar(16),
    -- 'open' while the grant holds, null once ended: one open grant per patient and proxy (nulls
    -- never collide in a unique constraint, on PostgreSQL as on H2).
    open_marker   varchar(4) default 'open',
    constraint proxy_grant_one_open unique (patient_id, proxy_user_id, open_marker)
);
create index proxy_grant_proxy on proxy_grant (proxy_user_id, ended_at);
create index proxy_grant_patient on proxy_grant (practice_id, patient_id, ended_at);

-- The name a proxy-only account goes by (a parent is not the pediatric practice's patient, so no
-- patient record names them). Accounts with a patient record take that record's name.
alter table user_account add column display_name varchar(200);
