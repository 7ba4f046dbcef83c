-- When each care team answers: opening windows per weekday (1 = Monday) in the practice's time zone,
-- and the practice's holidays. A team with no windows at all is treated as always open.
create table care_team_hours (
    practice_id  uuid not null references practice (id),
    care_team_id uuid not null references care_team (id),
    weekday      smallint not null,
    opens        time not null,
    closes       time not null,
    primary key (care_team_id, weekday, opens)
);

create table practice_holiday (
    practice_id uuid not null references practice (id),
    holiday_date date not null,
    name        varchar(100) not null,
    primary key (practice_id, holiday_date)
);

-- Who is told when a conversation goes overdue (the lead) or an urgent word arrives (on call).
alter table care_team add column lead_id uuid;
alter table care_team_member add column on_call boolean not null default false;
