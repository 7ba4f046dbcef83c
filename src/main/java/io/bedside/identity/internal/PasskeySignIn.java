package io.bedside.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

import io.bedside.shared.Actor;

/**
 * Sign-in with a passkey: Spring Security's WebAuthn check (the signature by the stored public key,
 * the challenge, the origin and rpId, user verification), then the account behind the passkey,
 * which must be active, as the same {@link Actor} a password sign-in gives. Every refusal is the
 * same "not accepted", whatever went wrong.
 */
class PasskeySignIn implements AuthenticationProvider {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PasskeySignIn.class);

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final PasskeyRows rows;
    private final UserAccounts accounts;
    private final Families families;

    PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, PasskeyRows rows, UserAccounts accounts,
            Families families) {
        this.relyingParty = relyingParty;
        this.rows = rows;
        this.accounts = accounts;
        this.families = families;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        RelyingPartyAuthenticationRequest request = ((WebAuthnAuthenticationRequestToken) authentication).getWebAuthnRequest();
        PublicKeyCredentialUserEntity user;
        try {
            user = relyingParty.authenticate(request);
        } catch (RuntimeException e) {
            throw refused(e);
        }
        String credentialId = request.getPublicKey().getRawId().toBase64UrlString();
        PasskeyRows.Stored passkey = rows.byCredentialId(credentialId).orElseThrow(() -> refused(null));
        // The handle the authenticator sent must be the one the passkey was made for: a credential id
        // of one account never signs in another.
        Bytes claimed = request.getPublicKey().getResponse().getUserHandle();
        if (!passkey.record().getUserEntityUserId().equals(user.getId()) || (claimed != null && !claimed.equals(user.getId()))) {
            throw refused(null);
        }
        Actor actor = accounts.find(passkey.userId()).filter(UserAccount::active)
                .filter(a -> a.practiceId().equals(passkey.practiceId()))
                .flatMap(a -> families.actorOf(a, null))
                .orElseThrow(() -> refused(null));
        return new PasskeyAuthentication(actor, passkey.id());
    }

    private static BadCredentialsException refused(Exception cause) {
        // Why, for the operators: the check that failed, never the account or the credential.
        LOG.info("Passkey sign-in refused: {}", cause == null ? "no active account for the passkey"
                : cause.getClass().getSimpleName());
        return new BadCredentialsException("The passkey was not accepted.", cause);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
