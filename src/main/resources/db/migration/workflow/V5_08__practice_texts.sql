-- A practice's own wording of what Bedside writes for it (the after-hours reply), per language.
-- Placeholders: {practice}, {opens}, {due}. Without a row, Bedside's default wording is used.
create table practice_text (
    practice_id uuid not null references practice (id),
    purpose     varchar(32) not null,
    language    varchar(8) not null,
    body        varchar(2000) not null,
    primary key (practice_id, purpose, language)
);
