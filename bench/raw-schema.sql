-- Scratch tables for the raw send-shaped transaction (raw-send.sql), in their own schema of the
-- benchmark's database: copies of Bedside's real tables (same columns, types, defaults, indexes
-- and unique keys, so the same row widths and index maintenance), with the same foreign keys.
-- Run after Bedside has migrated the database; psql variable :conversations = how many to make.
drop schema if exists raw cascade;
create schema raw;
create table raw.conversation (like public.conversation including all);
create table raw.message (like public.message including all);
alter table raw.message add foreign key (conversation_id) references raw.conversation (id),
    add foreign key (practice_id) references public.practice (id);
create table raw.audit_event (like public.audit_event including all);
alter table raw.audit_event add foreign key (practice_id) references public.practice (id);
create table raw.audit_pending (like public.audit_pending including all);
alter table raw.audit_pending add foreign key (event_id) references raw.audit_event (id),
    add foreign key (practice_id) references public.practice (id);
create table raw.live_event (like public.live_event including all);
alter table raw.live_event add foreign key (practice_id) references public.practice (id);
-- Events numbered from one sequence: the raw transaction takes no per-user counter lock.
create sequence raw.live_event_id;

-- Conversation n (0, 1, ...) has the id 00000000-0000-0000-0000-<n, 12 digits>, so that pgbench
-- client c can pick one of its own ten (10c .. 10c+9) without a lookup. Each is a copy of a real
-- conversation the benchmark made (same patient, team, ciphertext subject), with one message.
select set_config('bench.conversations', :'conversations', false);
do $$
declare
    r public.conversation;
begin
    select * into strict r from public.conversation
     where id = (select conversation_id from public.message group by conversation_id
                  order by count(*) desc limit 1);
    for n in 0 .. current_setting('bench.conversations')::int - 1 loop
        r.id := lpad(n::text, 32, '0')::uuid;
        r.last_seq := 1;
        r.last_public_seq := 1;
        insert into raw.conversation select r.*;
    end loop;
end $$;
analyze raw.conversation;
