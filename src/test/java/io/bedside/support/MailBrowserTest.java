package io.bedside.support;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A browser test whose emails really go out by SMTP, to a GreenMail server started for it (on this
 * JVM's {@link TestSmtp} port), with links built from a public base URL: for flows that begin in a
 * patient's mailbox.
 */
public abstract class MailBrowserTest extends BrowserTest {

    @RegisterExtension
    protected static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("bedside.notification.delivery", () -> "live");
        TestSmtp.register(registry);
        registry.add("bedside.base-url", () -> "https://bedside.example.org");
    }
}
