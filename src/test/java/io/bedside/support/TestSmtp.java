package io.bedside.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The SMTP port of this test JVM's GreenMail servers, chosen when the JVM first needs it, so that
 * several test JVMs (Failsafe's forks) can each run their email tests at once; GreenMail's fixed
 * test port (3025) allowed one. Test classes register {@code new GreenMailExtension(TestSmtp.SETUP)}
 * and point the application at it with {@link #register}. The port stays the same for the whole
 * JVM: Spring caches the context (and its mail sender) of a class after the class ends, while the
 * extension starts and stops GreenMail around every test.
 */
public final class TestSmtp {

    public static final int PORT = freePortBelowTheEphemeralRange();

    public static final ServerSetup SETUP = ServerSetupTest.SMTP.port(PORT);

    private TestSmtp() {
    }

    /** Mail from the application goes to this JVM's GreenMail. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    /*
     * Not a port the system hands out (new ServerSocket(0) takes one from 32768-60999, Linux's
     * ephemeral range): between two tests GreenMail is down for a moment, and an outgoing
     * connection of any process could take an ephemeral port then. A random free port in
     * 20000-31999 has no such neighbour; the bind check skips one in use (by another JVM's
     * GreenMail, say).
     */
    private static int freePortBelowTheEphemeralRange() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + random.nextInt(12000);
            try (ServerSocket probe = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // Another one.
            }
        }
        throw new IllegalStateException("no free port for GreenMail in 20000-31999");
    }
}
