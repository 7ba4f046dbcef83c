package io.bedside.crypto;

import java.time.Duration;

import io.bedside.shared.PracticeId;

/**
 * Keyed hashes of search terms (a blind index): HMAC-SHA-256 under a per-practice search key,
 * kept wrapped by the master key like the practice's data keys and made at its first use. The
 * same term gives the same token within a practice and an unrelated one in any other practice, so
 * a stored index reveals which rows share a term, never the term.
 */
public interface BlindIndex {

    /**
     * How long a node may go on using a practice's keys as it read them: a rotation by another
     * process reaches every node within this time.
     */
    Duration KEY_CACHE_TIME = Duration.ofSeconds(30);

    /** The token of a normalised term under the practice's current search key (its first 8 bytes). */
    long token(PracticeId practice, String term);

    /**
     * The term's tokens under every search key the practice's index may still hold: the current
     * one first, and while a re-index runs the one it is replacing.
     */
    long[] tokensForSearch(PracticeId practice, String term);

    /** A new current search key for the practice; returns its version. New tokens use it at once. */
    int rotate(PracticeId practice);

    /** The version of the practice's current search key (made now if it has none). */
    int currentVersion(PracticeId practice);

    /** Destroys the practice's search keys older than {@code version}, once no index row uses them. */
    int retireBefore(PracticeId practice, int version);
}
