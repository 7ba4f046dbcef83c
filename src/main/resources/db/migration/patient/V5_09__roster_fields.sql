-- What a roster import brings besides demographics: tags for outreach cohorts (kept as
-- ",diabetes,asthma," so one tag is found with LIKE), the last visit, and the campaign opt-out.
alter table patient add column tags varchar(1000) not null default '';
alter table patient add column last_visit date;
alter table patient add column campaign_opt_out boolean not null default false;
alter table patient add column updated_at timestamp with time zone;
