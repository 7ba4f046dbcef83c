package io.bedside.support;

import java.io.PrintStream;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the application's live delivery was doing when a browser test failed: its threads' stacks
 * and its meters. A live update that never arrived is otherwise a bare "expected text" failure.
 */
final class LiveDiagnostics {

    private LiveDiagnostics() {
    }

    static void print(MeterRegistry meters, PrintStream out) {
        out.println("[live] streams open: " + gauge(meters, "bedside.live.streams"));
        var delivery = meters.find("bedside.live.delivery").timer();
        if (delivery != null) {
            out.println("[live] delivered batches: " + delivery.count() + ", longest ms: "
                    + delivery.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            String name = e.getKey().getName();
            if (!name.startsWith("bedside-live") && !name.contains("fan-out")) {
                continue;
            }
            out.println("[live] thread " + name + " " + e.getKey().getState());
            StackTraceElement[] stack = e.getValue();
            for (int i = 0; i < Math.min(12, stack.length); i++) {
                out.println("[live]     at " + stack[i]);
            }
        }
    }

    private static String gauge(MeterRegistry meters, String name) {
        var gauge = meters.find(name).gauge();
        return gauge == null ? "?" : String.valueOf(gauge.value());
    }
}
