package io.bedside.practice;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the practice module has read in the current transaction, so that one transaction asks the
 * database once for a team, its hours or its practice however many of its parts need them (a send
 * asked up to three times: notices, the answer promise, the live fan-out). Nothing outlives the
 * transaction, so no other request and no other node can see a stale team; every write of this
 * module forgets everything read so far in its transaction. Values must be immutable.
 */
@Component
class TransactionMemo {

    private final Object key = new Object();

    @SuppressWarnings("unchecked")
    <T> T get(Object what, Supplier<T> load) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return load.get();
        }
        Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(key);
        if (memo == null) {
            memo = new HashMap<>();
            TransactionSynchronizationManager.bindResource(key, memo);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        if (memo.containsKey(what)) {
            return (T) memo.get(what);
        }
        T value = load.get();
        memo.put(what, value);
        return value;
    }

    /** Called by every write of the module: what was read before it may no longer hold. */
    void forget() {
        if (TransactionSynchronizationManager.getResource(key) instanceof Map<?, ?> memo) {
            memo.clear();
        }
    }
}
