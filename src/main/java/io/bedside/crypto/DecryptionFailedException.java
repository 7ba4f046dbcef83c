package io.bedside.crypto;

/**
 * A ciphertext did not decrypt under its practice's keys and the associated data it was asked
 * for: it was moved, altered, or its key is gone. Never carries plaintext or key material.
 */
public class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
