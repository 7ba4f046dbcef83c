-- Issue 15, finding 3: roster tags are diagnoses ("diabetes") and the last visit dates them, so
-- both are stored only as one ciphertext per patient under the practice key, bound to the patient
-- (cohorts decrypt and filter; see docs/security.md). Flyway cannot encrypt (the keys live in the
-- application): values stored before this version move to a holding table that ClearRosterFacts
-- empties when the application starts, encrypting each.
alter table patient add column roster_ciphertext bytea;

create table patient_roster_clear (
    patient_id  uuid primary key references patient (id) on delete cascade,
    practice_id uuid not null references practice (id),
    tags        varchar(1000) not null,
    last_visit  date
);
insert into patient_roster_clear (patient_id, practice_id, tags, last_visit)
select id, practice_id, tags, last_visit from patient where tags <> '' or last_visit is not null;

alter table patient drop column tags;
alter table patient drop column last_visit;
