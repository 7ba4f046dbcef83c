-- Staff hear of new patient messages. Each member of staff chooses which: ALL (every new patient
-- message in their teams), MINE (conversations naming them as provider or assigned to them, and
-- unassigned ones while they are on call; the default) or NONE. Patients' rows keep the default
-- and never use it. A member of staff's text notices go to the mobile number they give here
-- (a patient's come from their record).
alter table notification_preference add column staff_messages varchar(8) default 'MINE' not null;
alter table notification_preference add column phone varchar(32);

-- Which conversations a waiting notice of new messages covers: a burst joins one notice, and the
-- notice goes only if one of its messages is still unread by the person it is for. Ids only.
create table notification_conversation (
    practice_id     uuid not null references practice (id),
    notification_id uuid not null references notification (id) on delete cascade,
    conversation_id uuid not null,
    primary key (notification_id, conversation_id)
);

-- Notices already waiting when this ran cover the conversation that caused them.
insert into notification_conversation (practice_id, notification_id, conversation_id)
select practice_id, id, conversation_id from notification
 where kind = 'NEW_MESSAGE' and status in ('pending', 'sending') and conversation_id is not null;
