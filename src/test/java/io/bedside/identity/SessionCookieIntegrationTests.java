package io.bedside.identity;

import static io.bedside.support.Demo.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.bedside.support.ApplicationTest;
import io.bedside.support.RawHttp;

/**
 * Every cookie Bedside sets says SameSite=Lax, so another site's form cannot post with it, and
 * the session cookie is HttpOnly; as the browser receives them on the sign-in form and after it.
 */
class SessionCookieIntegrationTests extends ApplicationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnlyFromTheSignInFormOn() {
        RawHttp raw = new RawHttp(api.base());
        RawHttp.Response form = raw.get("/login?lang=en", Map.of("Accept", "text/html"));
        List<String> formCookies = cookies(form);
        assertThat(formCookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
        assertThat(formCookies).anySatisfy(c -> assertThat(c).startsWith("bedside-lang="));

        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String session = formCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow()
                .split(";")[0];
        String body = "email=" + URLEncoder.encode(ALICE, StandardCharsets.UTF_8) + "&password=demo-password&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        RawHttp.Response signIn = raw.send("POST", "/login", Map.of("Cookie", session,
                "Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8));

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.headers().get("location")).doesNotContain("error");
        List<String> signedIn = cookies(signIn);
        assertThat(signedIn).as("the session id changes at sign-in").anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
        for (String cookie : concat(formCookies, signedIn)) {
            assertThat(cookie).as(cookie).containsIgnoringCase("; SameSite=Lax");
            if (cookie.startsWith("JSESSIONID=")) {
                assertThat(cookie).as(cookie).containsIgnoringCase("; HttpOnly");
            }
        }
    }

    private static List<String> cookies(RawHttp.Response response) {
        String all = response.headers().get("set-cookie");
        return all == null ? List.of() : Arrays.asList(all.split("\n"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
