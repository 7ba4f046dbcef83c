-- Credential-change notices (a passkey added or removed, recovery codes regenerated or used, the
-- authenticator reset): which change the notice tells of. The notice's created_at is when it happened.
alter table notification add column credential_change varchar(32);
