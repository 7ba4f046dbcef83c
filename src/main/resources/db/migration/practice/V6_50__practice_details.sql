-- What patients see of their practice, set by its admins: the name shown to them (when it differs
-- from the legal name), and the phone and address shown in the app and in replies. Empty: not shown.
alter table practice add column display_name varchar(200);
alter table practice add column phone varchar(40);
alter table practice add column address varchar(300);
alter table practice add column updated_at timestamp with time zone;
