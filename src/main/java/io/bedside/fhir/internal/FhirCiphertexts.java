package io.bedside.fhir.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bedside.crypto.EncryptedColumn;

/** The export files waiting for download, for key rotation's re-encryption pass. */
@Configuration(proxyBeanMethods = false)
class FhirCiphertexts {

    @Bean
    EncryptedColumn fhirExportFileCiphertexts() {
        return new EncryptedColumn("fhir_export_file", List.of("id"), "content_ciphertext", "fhir-export",
                List.of("job_id", "id"));
    }
}
