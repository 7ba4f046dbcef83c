package io.bedside.shared;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First-writer-wins inserts inside a larger transaction. On PostgreSQL a failed statement spoils
 * the whole transaction, so an insert that may lose a race to another node (and fail on a unique
 * key) runs inside a savepoint: losing rolls back to it and the caller's transaction goes on.
 */
@Component
public class Savepoints {

    private final TransactionTemplate nested;

    Savepoints(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs the insert; false when a row with the same key was there first. */
    public boolean insertUnlessPresent(Runnable insert) {
        try {
            nested.executeWithoutResult(status -> insert.run());
            return true;
        } catch (DuplicateKeyException someoneElseWasFirst) {
            return false;
        }
    }
}
