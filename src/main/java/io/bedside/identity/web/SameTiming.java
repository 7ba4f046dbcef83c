package io.bedside.identity.web;

/**
 * Answers to "email me a link" take the same time whether or not the address is known: at least a
 * quarter of a second, far longer than the extra work a known address causes (one outbox row).
 */
final class SameTiming {

    private static final long ANSWER_NANOS = 250_000_000L;

    private SameTiming() {
    }

    static void answer(Runnable work) throws InterruptedException {
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            long left = ANSWER_NANOS - (System.nanoTime() - start);
            if (left > 0) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    }
}
