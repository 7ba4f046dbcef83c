-- Passkeys (WebAuthn). passkey_user gives each account one random user handle, the id an
-- authenticator stores with a discoverable credential (never the account id or the email).
-- passkey holds the public keys: nothing secret, so no ciphertext. signature_count refuses an
-- assertion whose counter went back (a cloned authenticator); last_used_at is shown to the owner.
create table passkey_user (
    user_handle varchar(128) primary key,
    user_id     uuid not null unique references user_account (id),
    practice_id uuid not null references practice (id),
    created_at  timestamp with time zone not null
);
create table passkey (
    id                           uuid primary key,
    credential_id                varchar(1400) not null unique,
    practice_id                  uuid not null references practice (id),
    user_id                      uuid not null references user_account (id),
    user_handle                  varchar(128) not null references passkey_user (user_handle),
    label                        varchar(64) not null,
    credential_type              varchar(32) not null,
    public_key                   bytea not null,
    signature_count              bigint not null,
    uv_initialized               boolean not null,
    backup_eligible              boolean not null,
    backup_state                 boolean not null,
    transports                   varchar(200) not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created_at                   timestamp with time zone not null,
    last_used_at                 timestamp with time zone
);
create index passkey_user_idx on passkey (user_id);
