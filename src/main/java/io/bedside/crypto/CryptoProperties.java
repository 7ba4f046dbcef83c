package io.bedside.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKeyset path of the Tink keyset (JSON) that wraps every practice's data keys
 */
@ConfigurationProperties("bedside.crypto")
public record CryptoProperties(String masterKeyset) {
}
