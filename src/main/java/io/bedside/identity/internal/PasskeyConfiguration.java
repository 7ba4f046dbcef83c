package io.bedside.identity.internal;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Spring Security's WebAuthn relying party, with Bedside's stores and two choices made stricter than
 * its defaults: user verification is required (a fingerprint, face or device PIN, not only a tap),
 * both when a passkey is made and at every sign-in, because a passkey replaces the password and,
 * for staff, the code too; and passkeys are discoverable, so the sign-in page needs no username.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PasskeyConfiguration {

    @Bean
    PasskeyRelyingParty passkeyRelyingParty(@Value("${bedside.passkeys.rp-id:}") String rpId,
            @Value("${bedside.passkeys.origins:}") List<String> origins,
            @Value("${bedside.base-url:http://localhost:8080}") String baseUrl) {
        return new PasskeyRelyingParty(rpId, origins, baseUrl);
    }

    @Bean
    Webauthn4JRelyingPartyOperations passkeyOperations(PasskeyRelyingParty party,
            PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
        var operations = new Webauthn4JRelyingPartyOperations(users, credentials,
                PublicKeyCredentialRpEntity.builder().id(party.rpId()).name("Bedside").build(), party.origins());
        operations.setCustomizeCreationOptions(o -> o.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                .residentKey(ResidentKeyRequirement.REQUIRED)
                .userVerification(UserVerificationRequirement.REQUIRED).build()));
        operations.setCustomizeRequestOptions(o -> o.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }
}
