package io.bedside.analytics.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear scale from 0 to a round maximum at or above the largest value (1, 2 or 5 times a power
 * of ten, in steps that give about four ticks), mapped onto a length in pixels. With nothing to show
 * (every value 0) it still runs 0 to 1, so axes are drawn and bars are empty.
 */
record Scale(double max, double step, double length) {

    static Scale of(double largest, double length) {
        return of(largest, length, false);
    }

    /** {@code whole}: steps of at least 1 (counts of conversations are whole numbers). */
    static Scale of(double largest, double length, boolean whole) {
        if (!(largest > 0) || Double.isInfinite(largest)) {
            return new Scale(whole ? 1 : 1, whole ? 1 : 0.25, length);
        }
        double rough = largest / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = magnitude;
        for (double m : new double[] { 1, 2, 5, 10 }) {
            step = m * magnitude;
            if (step >= rough) {
                break;
            }
        }
        if (whole) {
            step = Math.max(1, Math.ceil(step));
        }
        double max = Math.ceil(largest / step - 1e-9) * step;
        return new Scale(max, step, length);
    }

    /** Pixels from the axis for a value (clamped to the scale). */
    double pixels(double value) {
        double clamped = Math.max(0, Math.min(value, max));
        return clamped / max * length;
    }

    /** The tick values, 0 and every step up to the maximum. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long n = Math.round(max / step);
        for (long i = 0; i <= n; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }
}
