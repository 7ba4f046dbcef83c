package io.bedside.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises "the database cannot be reached" (no connection within the pool's timeout, a
 * connection broken by a restart) anywhere in an exception's causes, so that the answer is a 503
 * the client may retry (with its Idempotency-Key) rather than a 500 that reads as a bug.
 */
final class DatabaseUnavailable {

    /** About how long a database restart or fail-over takes; clients wait this long before retrying. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // A commit or rollback that fails in JDBC ("Connection is closed", without a SQL state) failed on a
            // broken connection; the outcome is unknown, which is what a retry with the same key is for.
            if (t instanceof TransactionSystemException tx && tx.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** The database's disk is full (the embedded H2 default; PostgreSQL reports its own 53100 the same way). */
    static boolean isOutOfSpace(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("No space left")
                    || t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail outOfSpace() {
        return retryLater(HttpStatus.INSUFFICIENT_STORAGE,
                "The service has no disk space left to store this, so it was not stored. Try again later; "
                        + "the operator has been told in the log.");
    }

    static ProblemDetail problem() {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database just now. Try again in a few seconds, with the same "
                        + "Idempotency-Key if you sent one, so that nothing is stored twice.");
    }

    private static ProblemDetail retryLater(HttpStatus status, String detail) {
        ProblemDetail problem = Problems.of(status, detail);
        problem.setProperty("retryAfterSeconds", RETRY_AFTER.toSeconds());
        return problem;
    }
}
