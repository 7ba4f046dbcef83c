-- The ages at which a patient's own conversations are confidential from their parents by default
-- (adolescent confidentiality). Most US states and the AAP guidance put it at 12 through 17.
alter table practice add column confidential_age_from integer not null default 12;
alter table practice add column confidential_age_to integer not null default 17;
