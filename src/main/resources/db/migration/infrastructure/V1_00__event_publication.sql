-- Spring Modulith's event publication registry (its schema v2), created here rather than by
-- Modulith at start-up, so that the application can run under a role that owns no tables.
-- It holds events for asynchronous listeners; events carry ids only, never PHI.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_listener on event_publication (listener_id);
create index event_publication_by_completion_date on event_publication (completion_date);
