-- Issue 19, the care team's day.
-- Snooze: a conversation leaves the inbox's working views until this moment (the start of the
-- chosen day in the practice's time zone), or until the patient writes again, which clears it.
-- Merge: a duplicate conversation is closed with a link to the one the team kept.
alter table conversation add column snoozed_until timestamp with time zone;
alter table conversation add column snoozed_by uuid;
alter table conversation add column merged_into uuid;

-- "Mark unread": a member of staff's own reminder that a conversation needs another look. It is
-- kept apart from read_state, which only moves forward and drives the read receipts the patient
-- sees: marking unread never takes back a receipt. Reading the conversation again removes it.
create table conversation_unread_mark (
    practice_id     uuid not null,
    conversation_id uuid not null references conversation (id),
    user_id         uuid not null,
    marked_at       timestamp with time zone not null,
    primary key (conversation_id, user_id)
);
create index conversation_unread_mark_reader on conversation_unread_mark (user_id, conversation_id);
create index conversation_merged_into on conversation (practice_id, merged_into);
