-- Quick-reply templates: practice-wide (owner_id null, kept by practice admins) or one member of
-- staff's own. Template text is the practice's wording, not patient data, so it is stored in clear.
create table reply_template (
    id          uuid primary key,
    practice_id uuid not null references practice (id),
    owner_id    uuid,
    name        varchar(100) not null,
    body        varchar(4000) not null,
    created_by  uuid not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
create index reply_template_practice on reply_template (practice_id, owner_id, name);
