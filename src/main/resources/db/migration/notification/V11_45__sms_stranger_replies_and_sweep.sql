-- The fixed answer to a number Bedside does not know goes at most once a day: a stranger texting
-- again and again (or a script) must not make the practice text back each time, at its cost. Only a
-- keyed hash of the number (the practice's blind-index key, as sms_opt_out) and when the answer
-- went are kept, and only for a day (SmsSweeper).
create table sms_stranger_reply (
    practice_id uuid not null references practice (id),
    phone_token bigint not null,
    replied_at  timestamp with time zone not null,
    primary key (practice_id, phone_token)
);

-- Handled inbound texts are deleted after the retention (SmsSweeper); received_at finds them.
create index sms_inbound_received on sms_inbound (received_at);
