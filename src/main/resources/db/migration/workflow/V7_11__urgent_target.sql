-- How soon an urgent conversation is due, in minutes of wall-clock time from the moment it was
-- flagged (not business time: an emergency does not wait for office hours). A practice without a
-- row uses Bedside's default (60 minutes).
create table urgent_target (
    practice_id uuid primary key references practice (id),
    minutes     integer not null
);

-- A member of staff called the patient after the flag: the urgent target is met, and the written
-- answer falls back to the team's usual promise (the flag stays until someone clears it).
alter table conversation_promise add column urgent_called_at timestamp with time zone;
-- The team's usual promise for the wait under way, kept apart from due_at (which the urgent target
-- may bring forward), so clearing the flag or calling the patient can go back to it.
alter table conversation_promise add column routine_due_at timestamp with time zone;
