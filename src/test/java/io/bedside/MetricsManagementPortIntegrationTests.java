package io.bedside;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;

/**
 * A management port of its own ({@code management.server.port}), which the operator keeps off the
 * public network: there {@code /actuator/prometheus} needs no token; on the application's port it
 * is not served at all.
 */
@TestPropertySource(properties = {"management.server.port=0", "management.server.address=127.0.0.1"})
class MetricsManagementPortIntegrationTests extends ApplicationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void theEndpointIsServedOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        Api management = new Api("http://127.0.0.1:" + managementPort);
        Api.Response scrape = management.get("/actuator/prometheus").send();
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.body()).contains("bedside_messages_sent_total").contains("bedside_live_streams");

        Api.Response main = api.get("/actuator/prometheus").send();
        assertThat(main.status()).isNotEqualTo(200);
        assertThat(main.body()).doesNotContain("bedside_");
    }
}
