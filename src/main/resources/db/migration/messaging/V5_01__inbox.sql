-- The care-team inbox sorts by priority, then by how long a conversation has waited. The rank is
-- kept beside the priority's name so the sort and its keyset condition can use an index.
alter table conversation add column priority_rank smallint not null default 0;
update conversation set priority_rank = case priority when 'URGENT' then 2 when 'HIGH' then 1 else 0 end;
create index conversation_team_inbox on conversation (practice_id, care_team_id, status, priority_rank, last_activity_at, id);
create index conversation_patient_all on conversation (practice_id, patient_id, last_activity_at);
