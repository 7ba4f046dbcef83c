package io.bedside.crypto;

import io.bedside.shared.PracticeId;

/** Encrypts and decrypts a practice's PHI under that practice's own data keys. */
public interface PracticeEncryption {

    byte[] encrypt(PracticeId practice, byte[] plaintext, AssociatedData context);

    /** @throws DecryptionFailedException when the ciphertext does not belong to this practice and context */
    byte[] decrypt(PracticeId practice, byte[] ciphertext, AssociatedData context);

    /**
     * Adds a new primary data key for the practice. New ciphertexts use it; old ones still
     * decrypt with the keys they were made with.
     *
     * @return the number of keys the practice's keyset now holds
     */
    int rotate(PracticeId practice);
}
