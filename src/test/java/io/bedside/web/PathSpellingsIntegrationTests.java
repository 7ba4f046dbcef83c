package io.bedside.web;

import static io.bedside.support.Demo.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bedside.support.ApplicationTest;
import io.bedside.support.PageSession;
import io.bedside.support.RawHttp;

/**
 * Security rules and the body limit are decided by the request's path. A path spelled another way
 * ({@code /%61pi/v1/me} is {@code /api/v1/me} to the application) must not slip past them: it is
 * refused up front with a problem answer, and a browser session is never taken for an API caller.
 */
class PathSpellingsIntegrationTests extends ApplicationTest {

    /** Other spellings of {@code /api/v1/...}: encoded letters, double encoding, path parameters, dot segments. */
    private static final List<String> REFUSED = List.of(
            "/%61pi/v1/me", "/%61%70%69/v1/me", "/api/v1/%6De", "/api/%761/me", "/%41pi/v1/me",
            "/%2561pi/v1/me", "/api;x=1/v1/me", "/api/v1;x=1/me", "/api/v1/me;jsessionid=x",
            "//api/v1/me", "/./api/v1/me", "/x/../api/v1/me", "/api/v1/./me", "/api/x/%2e%2e/v1/me",
            "/%2Fapi/v1/me", "/api%2Fv1%2Fme", "/api%5Cv1%5Cme", "/%7Eapi/v1/me");

    private RawHttp raw;
    private PageSession alice;

    @BeforeEach
    void signIn() {
        raw = new RawHttp(api.base());
        alice = PageSession.signedIn(api.base(), ALICE);
        alice.get("/app/settings/security");
    }

    private Map<String, String> session() {
        return Map.of("Cookie", alice.cookieHeader(), "X-CSRF-TOKEN", alice.csrfToken(), "Accept", "application/json");
    }

    @Test
    void anEncodedApiPathIsRefusedAndNeverServedToABrowserSession() {
        RawHttp.Response answer = raw.get("/%61pi/v1/me", session());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain(ALICE);
    }

    @Test
    void anOverLimitBodyToAnEncodedApiPathIsRefused() {
        byte[] big = ("{\"name\":\"" + "x".repeat(300 * 1024) + "\",\"count\":1}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.HashMap<>(session());
        headers.put("Content-Type", "application/json");

        RawHttp.Response answer = raw.send("POST", "/%61pi/v1/test-probe/echo", headers, big);

        assertThat(answer.status()).as(answer.toString()).isIn(400, 413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("xxxx");
    }

    @Test
    void everyOtherSpellingOfAnApiPathIsRefused() {
        for (String path : REFUSED) {
            RawHttp.Response answer = raw.get(path, session());
            assertThat(answer.status()).as(path + " → " + answer).isEqualTo(400);
            assertThat(answer.body()).as(path).doesNotContain(ALICE);
        }
    }

    @Test
    void aCaseVariantIsNotTheApiAndServesNothing() {
        for (String path : List.of("/API/v1/me", "/Api/v1/me", "/api/V1/me", "/api/v1/ME")) {
            RawHttp.Response answer = raw.get(path, session());
            // Not found by the pages, or refused by the API chain without a token: never served.
            assertThat(answer.status()).as(path + " → " + answer).isIn(401, 404);
            assertThat(answer.body()).as(path).doesNotContain(ALICE);
        }
    }

    @Test
    void theApiItselfAnswersABearerTokenButNotABrowserSession() {
        assertThat(raw.get("/api/v1/me", Map.of("Authorization", "Bearer " + tokenFor(ALICE))).body()).contains(ALICE);
        RawHttp.Response withSession = raw.get("/api/v1/me", session());
        assertThat(withSession.status()).isEqualTo(401);
        assertThat(withSession.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pathsThatNeedTheirEncodingStillWork() {
        // An encoded space or accented letter is not another spelling of anything: it is not refused as one.
        assertThat(raw.get("/api/v1/no%20such%C3%A9", Map.of("Authorization", "Bearer " + tokenFor(ALICE)))
                .status()).isEqualTo(404);
        assertThat(raw.get("/login?next=%2Fapp", Map.of()).status()).isEqualTo(200);
    }
}
