/**
 * Envelope encryption of everything that is PHI at rest: per-practice Tink AEAD keysets
 * (AES-256-GCM), wrapped by the master keyset, with associated data that binds each ciphertext
 * to its practice and its row. Rotation adds a new primary key; old ciphertexts still decrypt.
 */
@ApplicationModule(displayName = "Crypto", allowedDependencies = {"shared"})
package io.bedside.crypto;

import org.springframework.modulith.ApplicationModule;
