-- Each practice's data keyset, wrapped by the master key. Never readable without the master key.
create table crypto_practice_keyset (
    practice_id    uuid primary key references practice (id),
    wrapped_keyset text not null,
    version        integer not null,
    updated_at     timestamp with time zone not null
);
