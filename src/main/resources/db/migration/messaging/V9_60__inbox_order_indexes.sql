-- Issue 22, the hot reads. Every inbox view reads its first page straight from an index in the
-- order the page shows it, instead of reading and sorting all of a team's conversations:
--  * open and waiting (one status): most urgent first, then longest waiting first. The index of
--    V5_01 held the same columns, but with the rank ascending it could not give "rank descending,
--    time ascending"; it is rebuilt in that order (its equality lookups, e.g. the counts, are unchanged);
--  * unread, mine, unassigned, urgent, all (any status): the same order without the status;
--  * closed: newest first.
drop index conversation_team_inbox;
create index conversation_team_inbox on conversation (practice_id, care_team_id, status, priority_rank desc,
                                                      last_activity_at, id);
create index conversation_team_priority on conversation (practice_id, care_team_id, priority_rank desc,
                                                         last_activity_at, id);
create index conversation_team_recent on conversation (practice_id, care_team_id, status, last_activity_at desc,
                                                       id desc);

-- A reader's own read marks, for the inbox's counts: one index range, not a probe per conversation
-- of the team (and never a scan of everybody's marks).
create index read_state_reader on read_state (user_id, conversation_id);
