-- Issue 15, finding 3: a file's name says what it is ("hiv-test-result.pdf"), so it is PHI and is
-- stored only as ciphertext under the practice key, bound to its conversation and attachment.
-- Flyway cannot encrypt (the keys live in the application): names stored before this version move
-- to a holding table that ClearFileNames empties when the application starts, encrypting each.
alter table attachment add column filename_ciphertext bytea;

create table attachment_filename_clear (
    attachment_id uuid primary key references attachment (id) on delete cascade,
    practice_id   uuid not null references practice (id),
    filename      varchar(255) not null
);
insert into attachment_filename_clear (attachment_id, practice_id, filename)
select id, practice_id, filename from attachment;

alter table attachment drop column filename;
