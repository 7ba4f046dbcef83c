-- (The covering index below replaces analytics_wait_day.)
drop index analytics_wait_day;
-- Response times are read as histograms: each answered wait's business and wall-clock time rounded
-- down to its bucket (to the minute under an hour, to 5 minutes under a day, to 15 minutes under a
-- week, to the hour beyond),
-- so a year of figures is a hash aggregate over small integers, never a sort of every wait.
alter table analytics_wait add column business_bucket integer;
alter table analytics_wait add column wall_bucket integer;
create index analytics_wait_answered on analytics_wait (practice_id, local_day, care_team_id, kind, answered_by,
    business_bucket, wall_bucket, within_promise);
