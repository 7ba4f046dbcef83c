package io.bedside.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleTests {

    @Test
    void roundsTheMaximumUpToAStepOfOneTwoOrFive() {
        Scale scale = Scale.of(135, 400);
        assertThat(scale.step()).isEqualTo(50);
        assertThat(scale.max()).isEqualTo(150);
        assertThat(scale.ticks()).containsExactly(0.0, 50.0, 100.0, 150.0);
        assertThat(scale.pixels(75)).isEqualTo(200);
        assertThat(scale.pixels(150)).isEqualTo(400);
    }

    @Test
    void smallAndFractionalValues() {
        Scale hours = Scale.of(2.6, 100);
        assertThat(hours.step()).isEqualTo(1);
        assertThat(hours.max()).isEqualTo(3);
        Scale tiny = Scale.of(0.3, 100);
        assertThat(tiny.step()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(tiny.max()).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aValueExactlyOnAStepIsTheMaximum() {
        assertThat(Scale.of(40, 100).max()).isEqualTo(40);
        assertThat(Scale.of(1, 100, true).max()).isEqualTo(1);
    }

    @Test
    void countsStepByWholeNumbers() {
        Scale scale = Scale.of(3, 120, true);
        assertThat(scale.step()).isEqualTo(1);
        assertThat(scale.ticks()).containsExactly(0.0, 1.0, 2.0, 3.0);
    }

    @Test
    void nothingToShowStillHasAnAxis() {
        Scale scale = Scale.of(0, 200, true);
        assertThat(scale.max()).isEqualTo(1);
        assertThat(scale.pixels(0)).isZero();
        assertThat(scale.ticks()).containsExactly(0.0, 1.0);
        assertThat(Scale.of(Double.NaN, 200).max()).isEqualTo(1);
    }

    @Test
    void valuesOutsideTheScaleAreClamped() {
        Scale scale = Scale.of(10, 100);
        assertThat(scale.pixels(-5)).isZero();
        assertThat(scale.pixels(50)).isEqualTo(100);
    }
}
