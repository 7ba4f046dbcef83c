-- Audit rows can be added, never changed or removed, even by the table's owner, short of
-- dropping these triggers (which a verifier run then exposes). In production the application's
-- role is also granted only SELECT and INSERT on these tables (docs/operations.md).
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit rows are append-only (% on %)', tg_op, tg_table_name;
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change();
create trigger audit_chain_append_only before update or delete on audit_chain
    for each row execute function audit_refuse_change();
create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_change();
