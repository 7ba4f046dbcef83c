package io.bedside.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bedside.workflow.UrgentWords;

/**
 * What urgent-word matching costs per message: the default list (English and Spanish) against
 * ordinary 300-character messages. Run with {@code ./mvnw verify -Pbenchmark -Dtest=UrgentWordsBenchmark}.
 */
class UrgentWordsBenchmark {

    @Test
    void costPerMessage() {
        UrgentWords words = new UrgentWords(UrgentWords.DEFAULTS);
        List<String> messages = List.of(
                "Hello Dr. Patel, I wanted to ask whether my blood test results from last Tuesday are back yet. "
                        + "I have been feeling a bit tired lately and wondered if my iron could be low again. Could you "
                        + "also refill my metformin? The pharmacy on Main Street is fine. Thank you so much, Alice",
                "Hola, quisiera saber si ya están los resultados de mi análisis de sangre del martes pasado. Me he "
                        + "sentido un poco cansado y me pregunto si tengo el hierro bajo otra vez. ¿Pueden renovar mi "
                        + "receta de metformina? La farmacia de la calle Mayor está bien. Muchas gracias, Roberto");
        int rounds = 200_000;
        long[] runs = new long[7];
        for (int run = 0; run < runs.length; run++) {
            long start = System.nanoTime();
            int found = 0;
            for (int i = 0; i < rounds; i++) {
                found += words.find(messages.get(i & 1)).isPresent() ? 1 : 0;
            }
            runs[run] = (System.nanoTime() - start) / rounds;
            assertThat(found).isZero();
        }
        Arrays.sort(runs);
        System.out.printf("%nURGENT WORDS BENCHMARK: %d phrases, 300-character messages: median %d ns per message "
                + "(runs of %d, fastest %d ns, slowest %d ns)%n%n", UrgentWords.DEFAULTS.size(), runs[runs.length / 2],
                rounds, runs[0], runs[runs.length - 1]);
    }
}
