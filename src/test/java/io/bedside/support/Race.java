package io.bedside.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs requests at the same moment and collects their HTTP status codes, for tests of one-time things. */
public final class Race {

    private Race() {
    }

    public static List<Integer> statuses(List<Callable<Integer>> requests) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> request : requests) {
                answers.add(pool.submit(request));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                try {
                    statuses.add(answer.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
