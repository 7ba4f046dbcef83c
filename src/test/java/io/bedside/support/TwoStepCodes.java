package io.bedside.support;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * What a member of staff's authenticator app does in tests: reads the key off the set-up page and
 * shows the code for a moment. Codes are single use, so a test that needs two in a row takes the
 * next step's (an app a little ahead; accepted, within one step of drift).
 */
public final class TwoStepCodes {

    private static final Pattern SECRET = Pattern.compile("class=\"secret\">([A-Z2-7 ]+)<");

    private TwoStepCodes() {
    }

    public static String secretOn(String setupPage) {
        Matcher m = SECRET.matcher(setupPage);
        if (!m.find()) {
            throw new AssertionError("no authenticator key on the page");
        }
        return m.group(1).replace(" ", "");
    }

    /** The code for the 30-second step {@code stepsAhead} steps after now. */
    public static String code(String secret, int stepsAhead) {
        return codeAt(secret, Instant.now().plusSeconds(30L * stepsAhead));
    }

    /** The code an app shows at {@code at}: for tests whose application clock is not the wall clock. */
    public static String codeAt(String secret, Instant at) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, at.getEpochSecond() / 30);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs a member of staff without an authenticator in through the pages and sets one up; the
     * session is then fully signed in. Returns the key.
     */
    public static String signInAndEnroll(PageSession session, String email, String password) {
        session.get("/login");
        PageSession.Page answer = session.post("/login", Map.of("email", email, "password", password));
        if (answer.status() != 302 || answer.location() == null || !answer.location().endsWith("/login/two-step/setup")) {
            throw new AssertionError("expected the two-step set-up, got " + answer.status() + " " + answer.location());
        }
        String secret = secretOn(session.get("/login/two-step/setup").body());
        PageSession.Page confirmed = session.post("/login/two-step/setup", Map.of("code", code(secret, 0)));
        if (confirmed.status() != 302) {
            throw new AssertionError("set-up refused: " + confirmed.status());
        }
        return secret;
    }
}
