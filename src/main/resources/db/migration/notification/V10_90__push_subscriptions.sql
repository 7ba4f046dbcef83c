-- Web Push (issue 19). A practice's VAPID key pair (RFC 8292): the public key is given to browsers
-- when they subscribe, the private key signs each push and is kept only as ciphertext under the
-- practice's keys. Made at first use unless the deployment configures one pair for all practices.
create table push_vapid_key (
    practice_id            uuid primary key references practice (id),
    public_key             varchar(100) not null,
    private_key_ciphertext bytea not null,
    created_at             timestamp with time zone not null
);

-- One row per device (browser) that asked to be told of new messages: its push service endpoint
-- (a capability URL, no health information) and the browser's encryption keys (p256dh and auth,
-- as ciphertext). The label says which device it is ("Chrome on Android"), from its User-Agent.
create table push_subscription (
    id              uuid primary key,
    practice_id     uuid not null references practice (id),
    user_id         uuid not null,
    endpoint        varchar(2048) not null,
    endpoint_hash   char(64) not null,
    keys_ciphertext bytea not null,
    label           varchar(120) not null,
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone
);
create unique index push_subscription_endpoint on push_subscription (endpoint_hash);
create index push_subscription_user on push_subscription (practice_id, user_id);
