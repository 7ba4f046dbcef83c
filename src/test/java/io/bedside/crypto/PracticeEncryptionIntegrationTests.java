package io.bedside.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.practice.Practices;
import io.bedside.shared.PracticeId;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/** Per-practice envelope encryption against the real database. */
@BothDatabases
class PracticeEncryptionIntegrationTests extends ApplicationTest {

    @Autowired
    PracticeEncryption encryption;

    @Autowired
    Practices practices;

    private PracticeId practice;
    private PracticeId otherPractice;

    @BeforeEach
    void practices() {
        practice = newPractice();
        otherPractice = newPractice();
    }

    @Test
    void roundTripsAndHidesThePlaintext() {
        byte[] plaintext = "Refill metformin 500 mg, please".getBytes(StandardCharsets.UTF_8);
        AssociatedData row = AssociatedData.of("message.body", "conversation-1", "message-1");

        byte[] ciphertext = encryption.encrypt(practice, plaintext, row);

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("metformin");
        assertThat(encryption.decrypt(practice, ciphertext, row)).isEqualTo(plaintext);
        // Same plaintext, fresh nonce: two ciphertexts never match.
        assertThat(encryption.encrypt(practice, plaintext, row)).isNotEqualTo(ciphertext);
    }

    @Test
    void ciphertextCopiedToAnotherRowDoesNotDecrypt() {
        byte[] ciphertext = encryption.encrypt(practice, bytes("secret"), AssociatedData.of("message.body", "c1", "m1"));

        assertThatThrownBy(() -> encryption.decrypt(practice, ciphertext, AssociatedData.of("message.body", "c1", "m2")))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> encryption.decrypt(practice, ciphertext, AssociatedData.of("message.body", "c2", "m1")))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> encryption.decrypt(practice, ciphertext, AssociatedData.of("draft.body", "c1", "m1")))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void ciphertextCopiedToAnotherPracticeDoesNotDecrypt() {
        AssociatedData row = AssociatedData.of("message.body", "c1", "m1");
        byte[] ciphertext = encryption.encrypt(practice, bytes("secret"), row);

        assertThatThrownBy(() -> encryption.decrypt(otherPractice, ciphertext, row))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void associatedDataPartsCannotBeShiftedAcrossBoundaries() {
        byte[] ciphertext = encryption.encrypt(practice, bytes("x"), AssociatedData.of("p", "ab", "c"));
        assertThatThrownBy(() -> encryption.decrypt(practice, ciphertext, AssociatedData.of("p", "a", "bc")))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void rotatedPracticeStillReadsItsOldData() {
        AssociatedData row = AssociatedData.of("message.body", "c1", "m1");
        byte[] before = encryption.encrypt(practice, bytes("written before rotation"), row);

        assertThat(encryption.rotate(practice)).isEqualTo(2);
        byte[] after = encryption.encrypt(practice, bytes("written after rotation"), row);

        assertThat(encryption.decrypt(practice, before, row)).isEqualTo(bytes("written before rotation"));
        assertThat(encryption.decrypt(practice, after, row)).isEqualTo(bytes("written after rotation"));
        // Tink prefixes each ciphertext with its key id: the new one was made with the new primary key.
        assertThat(java.util.Arrays.copyOfRange(after, 0, 5)).isNotEqualTo(java.util.Arrays.copyOfRange(before, 0, 5));
        assertThat(encryption.rotate(practice)).isEqualTo(3);
        assertThat(encryption.decrypt(practice, before, row)).isEqualTo(bytes("written before rotation"));
    }

    @Test
    void storedKeysetIsWrappedNotPlain() {
        encryption.encrypt(practice, bytes("x"), AssociatedData.of("p"));
        String stored = jdbc.sql("select wrapped_keyset from crypto_practice_keyset where practice_id = :p")
                .param("p", practice.value()).query(String.class).single();
        // Only key metadata is in clear; the key material ("keyData") is inside the wrapped part.
        assertThat(stored).contains("encryptedKeyset").doesNotContain("keyData");
    }

    private PracticeId newPractice() {
        return practices.create("crypto-" + UUID.randomUUID().toString().substring(0, 8), "Test practice",
                ZoneId.of("UTC"), "en").id();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
