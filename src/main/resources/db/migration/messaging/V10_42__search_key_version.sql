-- Issue 17, search speed: each index row says under which version of the practice's search key it
-- was made, so that a re-index writes every message under the new key and then deletes the old
-- key's rows in one sweep, rather than deleting each message's rows by message id first. The index
-- on message_id, which only that delete read, goes: it was about a third of a send's index writes.
-- Rows from before have version 0: the next re-index sweeps them like any older key's.
alter table message_search_token add column key_version integer not null default 0;
drop index message_search_token_message;
