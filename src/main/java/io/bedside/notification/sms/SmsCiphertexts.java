package io.bedside.notification.sms;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bedside.crypto.EncryptedColumn;

/** Two-way SMS's ciphertexts, for key rotation's re-encryption pass: webhook secrets and inbound texts. */
@Configuration(proxyBeanMethods = false)
class SmsCiphertexts {

    static final String SECRET = "sms.secret";
    static final String INBOUND = "sms.inbound";

    @Bean
    EncryptedColumn smsNumberSecretCiphertexts() {
        return new EncryptedColumn("sms_number", List.of("practice_id"), "secret_ciphertext", SECRET,
                List.of("practice_id"));
    }

    @Bean
    EncryptedColumn smsInboundCiphertexts() {
        return new EncryptedColumn("sms_inbound", List.of("id"), "content_ciphertext", INBOUND, List.of("id"));
    }
}
