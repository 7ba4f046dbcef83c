-- The patients of each practice. Names and dates of birth are kept in clear for search by staff,
-- and never written to logs.
create table patient (
    id           uuid primary key,
    practice_id  uuid not null references practice (id),
    external_id  varchar(100),
    given_name   varchar(100) not null,
    family_name  varchar(100) not null,
    birth_date   date not null,
    sex          varchar(16) not null,
    email        varchar(320),
    phone        varchar(32),
    language     varchar(35) not null,
    created_at   timestamp with time zone not null,
    unique (practice_id, external_id)
);
create index patient_practice_name on patient (practice_id, family_name, given_name);
create index patient_practice_birth on patient (practice_id, birth_date);
