-- Audit rows can be added, never changed or removed (the embedded database's equivalent of the
-- PostgreSQL triggers of the same version).
create trigger audit_event_append_only before update, delete on audit_event
    for each row call 'io.bedside.audit.internal.AppendOnlyTrigger';
create trigger audit_chain_append_only before update, delete on audit_chain
    for each row call 'io.bedside.audit.internal.AppendOnlyTrigger';
create trigger audit_checkpoint_append_only before update, delete on audit_checkpoint
    for each row call 'io.bedside.audit.internal.AppendOnlyTrigger';
