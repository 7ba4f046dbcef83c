-- Practices (tenants), their staff directory and their care teams.
create table practice (
    id               uuid primary key,
    slug             varchar(64) not null unique,
    name             varchar(200) not null,
    time_zone        varchar(64) not null,
    default_language varchar(16) not null,
    created_at       timestamp with time zone not null
);

create table staff (
    id           uuid primary key,
    practice_id  uuid not null references practice (id),
    display_name varchar(200) not null,
    role         varchar(32) not null,
    title        varchar(100),
    active       boolean not null default true,
    created_at   timestamp with time zone not null
);
create index staff_practice on staff (practice_id);

create table care_team (
    id                      uuid primary key,
    practice_id             uuid not null references practice (id),
    name                    varchar(200) not null,
    description             varchar(1000),
    expected_response_hours integer not null,
    created_at              timestamp with time zone not null,
    unique (practice_id, name)
);

create table care_team_member (
    practice_id  uuid not null references practice (id),
    care_team_id uuid not null references care_team (id),
    staff_id     uuid not null references staff (id),
    added_at     timestamp with time zone not null,
    primary key (care_team_id, staff_id)
);
create index care_team_member_staff on care_team_member (practice_id, staff_id);
