-- The patient's own physician (a member of staff of the same practice); their team is listed first
-- on the patient's home screen. Optional: without it, the team of the latest conversation comes first.
alter table patient add column primary_provider_id uuid;
