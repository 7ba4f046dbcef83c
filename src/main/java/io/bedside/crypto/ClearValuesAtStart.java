package io.bedside.crypto;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts values that an upgrade found stored in clear: Flyway has no keys, so a migration moves
 * them to a holding table of the owning module, and its subclass of this empties that table when
 * the application starts, after every bean exists and before the node serves anyone, a batch per
 * transaction. Each row is deleted as it is encrypted, so two nodes starting together, or a start
 * after a crash, do each row once; afterwards the table stays empty and this finds nothing.
 *
 * @param <T> one held row
 */
public abstract class ClearValuesAtStart<T> implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClearValuesAtStart.class);
    protected static final int BATCH = 500;

    private final TransactionTemplate transaction;
    private final String what;

    /** @param what what the values are, for the one log line ("attachment names") */
    protected ClearValuesAtStart(TransactionTemplate transaction, String what) {
        this.transaction = transaction;
        this.what = what;
    }

    /** Up to {@link #BATCH} held rows. */
    protected abstract List<T> next();

    /** Deletes the held row and, if this call deleted it, stores its value encrypted; whether it did. */
    protected abstract boolean encrypt(T held);

    @Override
    public void afterSingletonsInstantiated() {
        long done = 0;
        for (List<T> batch = next(); !batch.isEmpty(); batch = next()) {
            List<T> rows = batch;
            done += transaction.execute(status -> rows.stream().filter(this::encrypt).count());
        }
        if (done > 0) {
            log.info("Encrypted {} {}, stored in clear before", done, what);
        }
    }
}
