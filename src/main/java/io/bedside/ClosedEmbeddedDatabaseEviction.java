package io.bedside;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to throw away a connection to an embedded H2 database that H2 has
 * closed. H2 closes its database after a write fails (a full disk); its connections then answer
 * every call with "the database has been closed" (SQL state 90098, which the pool does not take
 * for a broken connection), so without this each would stay in use until its next idle check. A
 * fresh connection opens the file again at its last committed state.
 */
public class ClosedEmbeddedDatabaseEviction implements SQLExceptionOverride {

    // org.h2.api.ErrorCode.DATABASE_IS_CLOSED and DATABASE_CALLED_AT_SHUTDOWN.
    private static final int DATABASE_IS_CLOSED = 90098;
    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        int code = e.getErrorCode();
        return code == DATABASE_IS_CLOSED || code == DATABASE_CALLED_AT_SHUTDOWN
                ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
