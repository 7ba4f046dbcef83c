package io.bedside.notification;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.bedside.support.TestSmtp;

/**
 * Real delivery in tests: email by SMTP to this JVM's GreenMail port ({@link TestSmtp}; each
 * class registers its own {@code GreenMailExtension} on it), text messages to one WireMock
 * gateway, links from {@code https://bedside.example.org}.
 */
final class LiveChannels {

    // One gateway for the test run (every class alike); the test JVM's exit stops it.
    static final WireMockServer GATEWAY = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    private LiveChannels() {
    }

    static void register(DynamicPropertyRegistry registry, String smsPath) {
        if (!GATEWAY.isRunning()) {
            GATEWAY.start();
        }
        registry.add("bedside.notification.delivery", () -> "live");
        TestSmtp.register(registry);
        registry.add("bedside.notification.sms.url", () -> GATEWAY.baseUrl() + smsPath);
        registry.add("bedside.base-url", () -> "https://bedside.example.org");
    }
}
