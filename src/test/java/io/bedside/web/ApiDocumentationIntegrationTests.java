package io.bedside.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document names every API endpoint the controllers serve, and nothing else. */
class ApiDocumentationIntegrationTests extends ApplicationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theOpenApiDocumentMatchesTheControllers() {
        Api.Response response = api.get("/v3/api-docs").send();
        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.json();
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Bedside API");

        Set<String> documented = new TreeSet<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> documented.add(method.getKey().toUpperCase() + " " + path.getKey())));

        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("io.bedside")
                    && !method.getBeanType().getSimpleName().contains("Probe")) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).forEach(pattern ->
                        info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern)));
            }
        });

        // The test-only probe controller (ProblemProbeController) is in every test application.
        documented.removeIf(entry -> entry.contains("/test-probe/"));
        assertThat(served).isNotEmpty().contains("POST /api/v1/conversations/{id}/messages", "GET /api/v1/events");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }
}
