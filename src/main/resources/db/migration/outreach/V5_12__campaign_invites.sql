-- A campaign may invite the selected patients who have no account yet (and an email address on
-- file), each just before their message is written, so the campaign reaches imported patients too.
alter table campaign add column invite_new boolean not null default false;
