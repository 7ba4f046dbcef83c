package io.bedside.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Moves instants in and out of {@code timestamp with time zone} columns the same way on H2 and
 * PostgreSQL (both drivers speak {@link OffsetDateTime}; neither binds {@link Instant} alike).
 */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Now, to the microsecond: what both databases store, so a value read back equals the value
     * written (keyset cursors and audit hashes depend on that).
     */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime toDb(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant fromDb(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
