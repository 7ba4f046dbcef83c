package io.bedside.crypto;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.bedside.shared.PracticeId;

/**
 * The operator's key work (docs/operations.md, "Keys"): a practice's keyset created up front, its
 * data key rotated, its stored ciphertexts made again under the newest key, and every practice
 * keyset wrapped again under a new master keyset.
 */
public interface KeyManagement {

    /** Creates the practice's keyset now (otherwise it is made at its first use); nothing if it has one. */
    void createKeyset(PracticeId practice);

    /** A new primary data key; old ciphertexts still decrypt. Returns the number of keys the keyset now holds. */
    int rotate(PracticeId practice);

    /** The id of the key new ciphertexts of the practice are made with (Tink's key id). */
    int primaryKeyId(PracticeId practice);

    /**
     * Re-encrypts the practice's stored ciphertexts that are not under its primary key yet, in
     * batches of {@code batchSize} rows, each batch one transaction. A row changed meanwhile is
     * left as its writer made it. Running it again rewrites only what is still under an older key.
     *
     * @return rows rewritten per column ({@code table.column}), in the order they were walked
     */
    Map<String, Long> reencrypt(PracticeId practice, int batchSize);

    /**
     * Wraps every practice keyset again under the master keyset in {@code newMasterKeyset}, in one
     * transaction (all or none), after checking each unwraps under it. From then on this process
     * uses the new master key; every other node must be started with the new file.
     *
     * @return the practices whose keyset was re-wrapped
     */
    List<PracticeId> rewrap(Path newMasterKeyset);
}
