-- First-response figures of one day, kept once read: for the whole practice (scope 'all') or one
-- team (scope = its id). A day's row is good while its count of answered waits is unchanged (waits
-- are only ever answered, never unanswered), so a reader that finds another count works the day
-- out again; nothing is written here on a send.
create table analytics_response_day (
    practice_id      uuid not null references practice (id),
    scope            varchar(40) not null,
    local_day        date not null,
    answered         bigint not null,
    within_promise   bigint not null,
    business_median  bigint,
    business_p90     bigint,
    wall_median      bigint,
    wall_p90         bigint,
    primary key (practice_id, scope, local_day)
);
