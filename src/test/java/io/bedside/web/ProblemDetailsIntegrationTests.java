package io.bedside.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import tools.jackson.databind.JsonNode;

/** Every class of error is answered with an RFC 9457 problem document and no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsIntegrationTests extends ApplicationTest {

    private String token;

    @BeforeEach
    void signIn() {
        token = tokenFor("dr.patel@riverside.example");
    }

    @Test
    void unknownPathIsNotFound() {
        assertProblem(api.get("/api/v1/no-such-thing").token(token).send(), 404);
        // Without a session, a page address sends the browser to sign in, whether or not it exists.
        Api.Response page = api.get("/no-such-page").header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        Api.Response response = api.put("/api/v1/me").token(token).json("{}").send();
        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        assertProblem(api.post("/api/v1/test-probe/echo").token(token).raw("text/plain", "hello").send(), 415);
    }

    @Test
    void malformedJsonIsABadRequest() {
        JsonNode problem = assertProblem(
                api.post("/api/v1/test-probe/echo").token(token).json("{\"name\": \"x\", ").send(), 400);
        assertThat(problem.get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void wrongTypeIsABadRequestNamingTheField() {
        JsonNode problem = assertProblem(api.post("/api/v1/test-probe/echo").token(token)
                .json(Map.of("name", "x", "count", "lots")).send(), 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("count");

        JsonNode param = assertProblem(api.get("/api/v1/test-probe/number?value=abc").token(token).send(), 400);
        assertThat(param.get("errors").get(0).get("field").asString()).isEqualTo("value");
    }

    @Test
    void invalidValueIsABadRequestNamingTheField() {
        JsonNode problem = assertProblem(api.post("/api/v1/test-probe/echo").token(token)
                .json(Map.of("name", " ", "count", 0)).send(), 400);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("name", "count");
        assertThat(problem.get("detail").asString()).contains("name").contains("count");
    }

    @Test
    void missingCredentialsAreUnauthorized() {
        assertProblem(api.get("/api/v1/me").send(), 401);
    }

    @Test
    void forbiddenIsForbidden() {
        JsonNode problem = assertProblem(api.get("/api/v1/test-probe/forbidden").token(token).send(), 403);
        assertThat(problem.get("detail").asString()).isEqualTo("Only practice admins may do this.");
    }

    @Test
    void conflictIsConflict() {
        assertProblem(api.get("/api/v1/test-probe/conflict").token(token).send(), 409);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        Api.Response response = api.get("/api/v1/test-probe/slow-down").token(token).send();
        assertProblem(response, 429);
        assertThat(response.header("Retry-After")).isEqualTo("42");
    }

    @Test
    void unexpectedErrorIsA500WithACorrelationIdThatIsInTheLog(CapturedOutput output) {
        Api.Response response = api.get("/api/v1/test-probe/crash").token(token).send();

        JsonNode problem = assertProblem(response, 500);
        String correlationId = problem.get("correlationId").asString();
        assertThat(correlationId).isNotBlank();
        assertThat(response.header("X-Correlation-Id")).isEqualTo(correlationId);
        assertThat(problem.get("detail").asString()).contains(correlationId).doesNotContain("internal detail");
        assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("at io.bedside");
        assertThat(output.getAll()).contains(correlationId);
    }

    private static JsonNode assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("trace").doesNotContain("exception");
        return problem;
    }
}
