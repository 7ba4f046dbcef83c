-- pgbench script: one send-shaped transaction in raw SQL against the scratch tables of
-- raw-schema.sql (DESIGN.md, performance facts): bump the conversation's seq, insert the
-- ciphertext message, insert the audit row (and its sealing-queue row), insert the event rows.
-- Client c sends into its own ten conversations, like the HTTP benchmark. send-benchmark.sh
-- fills in the @…@ values from what Bedside wrote in the same run (ciphertext length, number and
-- size of event rows, the audit row's texts). Run with -M prepared.
\set c :client_id * 10 + random(0, 9)
begin;
update raw.conversation
   set last_seq = last_seq + 1, last_public_seq = last_seq + 1,
       last_activity_at = now(), last_public_activity_at = now()
 where id = cast(lpad(cast(:c as text), 32, '0') as uuid)
returning last_seq as seq, practice_id as practice, created_by as author, patient_id as patient \gset
insert into raw.message (id, practice_id, conversation_id, seq, author_id, author_kind, body_ciphertext,
                         internal, created_at)
values (gen_random_uuid(), cast(:practice as uuid), cast(lpad(cast(:c as text), 32, '0') as uuid),
        cast(:seq as bigint), cast(:author as uuid), 'PATIENT', decode('@CIPHER_HEX@', 'hex'), false, now());
insert into raw.audit_event (id, practice_id, occurred_at, actor_id, actor_kind, actor_patient_id, patient_id,
                             action, target_type, target_id, client_address, user_agent, allowed)
values (gen_random_uuid(), cast(:practice as uuid), now(), cast(:author as uuid), 'PATIENT',
        cast(:patient as uuid), cast(:patient as uuid), '@AUDIT_ACTION@', '@AUDIT_TARGET_TYPE@',
        lpad(cast(:c as text), 32, '0'), '127.0.0.1', '@AUDIT_USER_AGENT@', true)
returning id as audit \gset
insert into raw.audit_pending (event_id, practice_id) values (cast(:audit as uuid), cast(:practice as uuid));
insert into raw.live_event (user_id, event_id, practice_id, type, data, created_at)
select u, nextval('raw.live_event_id'), cast(:practice as uuid), '@EVENT_TYPE@', '@EVENT_DATA@', now()
  from unnest(cast('{@EVENT_USERS@}' as uuid[])) u;
commit;
