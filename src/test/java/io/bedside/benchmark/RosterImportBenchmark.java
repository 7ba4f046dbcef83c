package io.bedside.benchmark;

import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.bedside.support.ApplicationTest;
import io.bedside.support.PostgresTest;

/**
 * How long a practice's roster of N patients (default 50,000) takes to import over HTTP on
 * PostgreSQL, the first time and again (nothing changes the second time). Run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=RosterImportBenchmark} and BEDSIDE_TEST_POSTGRES_URL set.
 */
@PostgresTest
class RosterImportBenchmark extends ApplicationTest {

    private static final int ROWS = Integer.getInteger("bedside.bench.rows", 50_000);

    @Test
    void importFiftyThousandPatients() throws Exception {
        StringBuilder csv = new StringBuilder("external_id,given_name,family_name,birth_date,sex,email,phone,language,tags,last_visit\n");
        String[] given = {"Ana", "Ben", "Chloé", "Dmitri", "Esther", "Farid", "Grace", "Hiro"};
        String[] family = {"García", "Nguyen", "Smith", "Okafor", "Kowalski", "Haddad", "Larsen", "Ito"};
        for (int i = 0; i < ROWS; i++) {
            csv.append("BENCH-").append(i).append(',').append(given[i % 8]).append(',').append(family[(i / 8) % 8])
                    .append(',').append(1930 + i % 80).append("-0").append(1 + i % 9).append('-').append(10 + i % 18)
                    .append(',').append(i % 2 == 0 ? "female" : "male").append(",bench").append(i).append("@patients.example,")
                    .append("+1555").append(String.format("%07d", i)).append(',').append(i % 3 == 0 ? "es" : "en")
                    .append(',').append(i % 5 == 0 ? "diabetes" : "").append(",2025-0").append(1 + i % 9).append("-01\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        String token = demo.token(RIVERSIDE_ADMIN);
        HttpClient client = HttpClient.newHttpClient();
        for (String round : new String[] {"first import", "same file again"}) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/patients/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(java.time.Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(response.statusCode()).isEqualTo(200);
            System.out.printf("%nROSTER IMPORT BENCHMARK (PostgreSQL, %d rows, %.1f MB CSV, %s): %.1f s, %.0f rows/s; %s%n%n",
                    ROWS, body.length / 1e6, round, seconds, ROWS / seconds,
                    response.body().substring(0, Math.min(120, response.body().length())));
        }
        // Tags and last visits are stored encrypted (issue 15, finding 3): a cohort by them decrypts
        // the practice's candidates and filters. Its preview over the whole roster, timed.
        for (String cohort : new String[] {"{\"tags\":[\"diabetes\"]}", "{\"lastVisitBefore\":\"2025-05-01\"}",
                "{\"tags\":[\"diabetes\"],\"lastVisitBefore\":\"2025-05-01\",\"minAge\":50}", "{\"minAge\":50}"}) {
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                HttpResponse<String> preview = client.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/campaigns/preview"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"cohort\":" + cohort + "}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - start) / 1e6;
                assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
                System.out.printf("COHORT PREVIEW BENCHMARK (PostgreSQL, %d rows, run %d) %s: %.0f ms, count %s%n", ROWS, run,
                        cohort, ms, preview.body().replaceAll(".*\"count\":(\\d+).*", "$1"));
            }
        }
    }
}
