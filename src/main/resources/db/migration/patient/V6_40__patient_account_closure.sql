-- A practice admin closes a patient's account (moved away, deceased, at the patient's request,
-- other). The record and its conversations stay; a closed patient cannot sign in, gets no notices,
-- is never selected by a campaign and cannot be invited. Reopening clears these columns.
alter table patient add column closed_at timestamp with time zone;
alter table patient add column closed_reason varchar(32);
alter table patient add column closed_by uuid;
