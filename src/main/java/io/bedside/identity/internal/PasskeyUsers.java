package io.bedside.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Spring Security's WebAuthn "user entities", on {@code passkey_user}. The username Spring Security
 * asks with is the signed-in account's id ({@link ActorAuthentication#getName()}); each account gets
 * a random user handle the first time, so an authenticator never stores the account id. The name
 * an authenticator shows is the account's email, read afresh each time.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final PasskeyRows rows;
    private final UserAccounts accounts;
    private final Clock clock;

    PasskeyUsers(PasskeyRows rows, UserAccounts accounts, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return rows.ownerByHandle(id.toBase64UrlString()).map(this::entity).orElse(null);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String accountId) {
        Optional<UserAccount> account = parse(accountId).flatMap(accounts::find).filter(UserAccount::active);
        if (account.isEmpty()) {
            return null;
        }
        UserId user = account.get().id();
        return rows.ownerByUser(user).or(() -> {
            try {
                rows.insertOwner(new PasskeyRows.Owner(Bytes.random().toBase64UrlString(), user,
                        account.get().practiceId()), Timestamps.now(clock));
            } catch (DuplicateKeyException raced) {
                // Another request made the handle first: use it.
            }
            return rows.ownerByUser(user);
        }).map(this::entity).orElse(null);
    }

    /** Handles are made here ({@link #findByUsername}) for accounts only. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        throw new UnsupportedOperationException("user handles are made for accounts only");
    }

    @Override
    public void delete(Bytes id) {
        throw new UnsupportedOperationException("user handles live as long as their account");
    }

    private PublicKeyCredentialUserEntity entity(PasskeyRows.Owner owner) {
        String email = accounts.email(owner.userId()).orElse(owner.userId().toString());
        String shown = accounts.displayNames(List.of(owner.userId())).getOrDefault(owner.userId(), email);
        return ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.fromBase64(owner.userHandle()))
                .name(email).displayName(shown == null || shown.isBlank() ? email : shown).build();
    }

    private static Optional<UserId> parse(String accountId) {
        try {
            return Optional.of(new UserId(UUID.fromString(accountId)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
