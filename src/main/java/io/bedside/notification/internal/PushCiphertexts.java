package io.bedside.notification.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bedside.crypto.EncryptedColumn;

/** Web Push's ciphertexts, for key rotation's re-encryption pass: the VAPID private keys and the devices' keys. */
@Configuration(proxyBeanMethods = false)
class PushCiphertexts {

    @Bean
    EncryptedColumn pushVapidKeyCiphertexts() {
        return new EncryptedColumn("push_vapid_key", List.of("practice_id"), "private_key_ciphertext", "push.vapid",
                List.of("practice_id"));
    }

    @Bean
    EncryptedColumn pushSubscriptionCiphertexts() {
        return new EncryptedColumn("push_subscription", List.of("id"), "keys_ciphertext", "push.keys", List.of("id"));
    }
}
