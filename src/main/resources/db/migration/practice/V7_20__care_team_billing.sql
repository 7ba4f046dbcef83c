-- A practice admin marks the team that answers billing questions; a patient's "Billing" request goes there.
alter table care_team add column handles_billing boolean not null default false;
