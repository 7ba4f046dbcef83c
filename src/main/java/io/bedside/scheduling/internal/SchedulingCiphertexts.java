package io.bedside.scheduling.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bedside.crypto.EncryptedColumn;

/** A visit request's reason and preferred times, for key rotation's re-encryption pass. */
@Configuration(proxyBeanMethods = false)
class SchedulingCiphertexts {

    @Bean
    EncryptedColumn visitRequestReasonCiphertexts() {
        return new EncryptedColumn("visit_request", List.of("id"), "reason_ciphertext", "visit_request.reason",
                List.of("id"));
    }

    @Bean
    EncryptedColumn visitRequestPreferencesCiphertexts() {
        return new EncryptedColumn("visit_request", List.of("id"), "preferences_ciphertext",
                "visit_request.preferences", List.of("id"));
    }
}
