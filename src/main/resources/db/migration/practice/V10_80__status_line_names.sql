-- How the patient's status line names whoever handles their conversation: 'name' ("Jenny Kim, RN",
-- the default) or 'role' (only "a nurse"), for practices that keep staff names from patients.
alter table practice add column status_line_names varchar(8) not null default 'name';
