-- Spring Modulith's event publication registry was never used: every listener of messaging's
-- changes runs inside the change's transaction (messaging's ConversationReactions), and the
-- notification outbox is the durable after-commit mechanism. The starter is gone from the build;
-- its table goes too. It only ever held ids (and held nothing: no listener was asynchronous).
drop table if exists event_publication;
