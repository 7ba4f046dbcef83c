package io.bedside;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;

/**
 * The default application, as every other test and the embedded demo have it: no metrics token
 * and no management port, so {@code /actuator/prometheus} does not exist (404, as if it were not
 * there), whatever is sent. With a token see {@link MetricsIntegrationTests}; with a management
 * port {@link MetricsManagementPortIntegrationTests}.
 */
class MetricsClosedIntegrationTests extends ApplicationTest {

    @Test
    void theEndpointDoesNotExistAndHealthIsAsEver() {
        Api.Response r = api.get("/actuator/prometheus").send();
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("bedside_");
        Api.Response guessed = api.get("/actuator/prometheus").token("anything-at-all-anything-at-all-1234").send();
        assertThat(guessed.status()).isEqualTo(404);
        assertThat(guessed.body()).doesNotContain("bedside_");
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(200);
    }
}
