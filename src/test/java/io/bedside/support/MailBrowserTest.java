package io.bedside.support;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A browser test whose emails really go out by SMTP, to a GreenMail server started for it, with
 * links built from a public base URL: for flows that begin in a patient's mailbox.
 */
public abstract class MailBrowserTest extends BrowserTest {

    @RegisterExtension
    protected static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("bedside.notification.delivery", () -> "live");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
        registry.add("bedside.base-url", () -> "https://bedside.example.org");
    }
}
