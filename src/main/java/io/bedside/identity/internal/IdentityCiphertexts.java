package io.bedside.identity.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bedside.crypto.EncryptedColumn;

/** The authenticator keys of two-step sign-in, for key rotation's re-encryption pass (see {@link TwoStep}). */
@Configuration(proxyBeanMethods = false)
class IdentityCiphertexts {

    @Bean
    EncryptedColumn staffTotpCiphertexts() {
        return new EncryptedColumn("staff_totp", List.of("user_id"), "secret_ciphertext", "staff.totp", List.of("user_id"));
    }
}
