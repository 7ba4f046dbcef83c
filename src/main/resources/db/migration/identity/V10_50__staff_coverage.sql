-- Out-of-office cover (issue 19): while a member of staff is away (from starts_at until ends_at),
-- new assignments to them and the notices that name them go to their delegate, a colleague of the
-- same practice who shares a care team with them. At most one period per member of staff; clearing
-- it deletes the row (the audit trail keeps who set and cleared what).
create table staff_coverage (
    user_id     uuid primary key references user_account (id),
    practice_id uuid not null references practice (id),
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    delegate_id uuid not null references user_account (id),
    updated_at  timestamp with time zone not null
);
create index staff_coverage_practice on staff_coverage (practice_id, ends_at);
