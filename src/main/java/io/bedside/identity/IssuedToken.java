package io.bedside.identity;

import java.time.Instant;

/** A freshly issued API token. The token text exists only here; the database keeps its hash. */
public record IssuedToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
