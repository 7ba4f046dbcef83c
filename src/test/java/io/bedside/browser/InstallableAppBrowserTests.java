package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import io.bedside.support.BrowserTest;

/**
 * Phone-first (issue 19): at 390 px (an iPhone 14's width) the patient's and the staff header are
 * one line, the practice and a menu, and the menu opens and closes from the keyboard; on a wide
 * screen the links stand in a row as before. Every page links the manifest, and the service worker
 * registers (Chromium allows it over http://127.0.0.1), keeps only the offline page's three files
 * however many pages are visited, never answers a page from a stored copy, and shows the
 * offline page when the network is gone.
 */
class InstallableAppBrowserTests extends BrowserTest {

    private static final int IPHONE_WIDTH = 390;

    @Test
    void atAPhonesWidthThePatientsHeaderIsOneLineAndItsMenuOpens() {
        page.setViewportSize(IPHONE_WIDTH, 844);
        signIn(page, ALICE);
        oneLineWithAMenu("Riverside Family Medicine", "Who looked at my record");
    }

    @Test
    void atAPhonesWidthTheStaffHeaderIsOneLineAndItsMenuOpens() {
        // A word longer than the phone is wide, in the inbox the sign-in lands on: it wraps instead
        // of widening the page (and pushing the menu off the screen).
        demo.startAsPatient(ALICE, "Dr. Patel", "Unbroken" + "x".repeat(60), "Long words on a phone");
        page.setViewportSize(IPHONE_WIDTH, 844);
        signInStaff(page, KIM);
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("nothing wider than the phone: %s", page.evaluate("Array.from(document.querySelectorAll('body *'))"
                        + ".filter(e => e.getBoundingClientRect().right > " + (IPHONE_WIDTH + 1) + ").slice(0, 8)"
                        + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width))"
                        + ".join(', ')"))
                .isLessThanOrEqualTo(IPHONE_WIDTH);
        oneLineWithAMenu("Riverside Family Medicine", "Patients");
    }

    @Test
    void onAWideScreenTheLinksStandInARow() {
        useDesktop();
        signInStaff(page, KIM);
        assertThat(page.locator("details.menu")).hasClass(java.util.regex.Pattern.compile("inline"));
        Locator inbox = page.locator(".site-header .nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inbox"));
        Locator patients = page.locator(".site-header .nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Patients"));
        assertThat(inbox).isVisible();
        assertThat(patients).isVisible();
        assertThat(Math.abs(inbox.boundingBox().y - patients.boundingBox().y)).isLessThan(4);
    }

    private void oneLineWithAMenu(String practice, String aLinkInTheMenu) {
        BoundingBox brand = page.locator(".site-header .brand").boundingBox();
        Locator summary = page.locator("details.menu > summary");
        BoundingBox menu = summary.boundingBox();
        assertThat(page.locator(".site-header .brand")).hasText(practice);
        assertThat(Math.abs(brand.y + brand.height / 2 - (menu.y + menu.height / 2))).as("one line").isLessThan(8);
        assertThat(menu.x + menu.width).isLessThanOrEqualTo(IPHONE_WIDTH);
        assertThat(page.locator(".site-header .bar").boundingBox().height).isLessThan(60);
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(IPHONE_WIDTH);

        Locator link = page.locator(".site-header .nav").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(aLinkInTheMenu).setExact(true));
        assertThat(link).isHidden();
        // From the keyboard: the menu button takes focus, Enter opens it, Escape closes it and
        // gives the focus back to the button.
        summary.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("details.menu")).hasAttribute("open", "");
        assertThat(link).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        page.keyboard().press("Escape");
        assertThat(link).isHidden();
        assertThat(summary).isFocused();
        // And by touch.
        summary.click();
        assertThat(link).isVisible();
    }

    @Test
    void everyPageLinksTheManifestAndTheServiceWorkerKeepsOnlyTheOfflinePage() {
        page.navigate("/login");
        assertThat(page.locator("link[rel=manifest]")).hasAttribute("href", "/manifest.webmanifest");
        String scope = (String) page.evaluate("() => navigator.serviceWorker.ready.then(r => r.scope)");
        assertThat(scope).isEqualTo("http://127.0.0.1:" + port + "/");
        String script = (String) page.evaluate("() => navigator.serviceWorker.ready.then(r => r.active.scriptURL)");
        assertThat(script).endsWith("/sw.js");
        assertThat((String) page.evaluate("() => fetch('/manifest.webmanifest').then(r => r.json()).then(m => m.display)"))
                .isEqualTo("standalone");

        // Signed in, through a list and a thread and the settings: still only the offline page's files.
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Installable " + System.nanoTime(), "A question");
        signIn(page, ALICE);
        page.navigate("/app/conversations/" + conversation);
        assertThat(page.locator("body")).containsText("A question");
        page.navigate("/app/settings/notifications");
        assertThat(page.locator("#push-enable")).isVisible();
        assertThat(page.locator("#push")).containsText("Notices on this device");
        @SuppressWarnings("unchecked")
        List<String> cached = (List<String>) page.evaluate("""
                async () => {
                  const urls = [];
                  for (const name of await caches.keys()) {
                    const cache = await caches.open(name);
                    for (const request of await cache.keys()) { urls.push(new URL(request.url).pathname); }
                  }
                  return urls;
                }""");
        assertThat(cached).containsExactlyInAnyOrder("/offline.html", "/css/bedside.css", "/img/icons/icon-192.png");

        // A page always comes fresh from the network through the worker, never a stored copy: a
        // message written meanwhile is there.
        demo.send(KIM, conversation, "Written while away " + conversation.substring(0, 8));
        var response = page.navigate("/app/conversations/" + conversation);
        assertThat(response.status()).isEqualTo(200);
        assertThat(page.locator("body")).containsText("Written while away " + conversation.substring(0, 8));
    }

    /**
     * Without a network, a page is the offline page, never a stored copy of the real one. The
     * browser reaches Bedside through a relay started here; cutting the relay is the network
     * going away for the page and its service worker alike (Playwright's offline switch does not
     * reach a service worker's own requests).
     */
    @Test
    void withoutANetworkAPageIsTheOfflinePage() throws Exception {
        try (Relay relay = new Relay(port)) {
            com.microsoft.playwright.BrowserContext phone = page.context().browser().newContext(
                    new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(IPHONE_WIDTH, 844)
                            .setBaseURL("http://127.0.0.1:" + relay.port()));
            try {
                Page tab = phone.newPage();
                signIn(tab, ALICE);
                tab.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
                tab.reload();
                assertThat((Boolean) tab.evaluate("() => !!navigator.serviceWorker.controller")).isTrue();
                relay.cut();
                tab.navigate("/app/conversations");
                assertThat(tab.locator("h1")).hasText("You are offline");
                assertThat(tab.locator("body")).not().containsText("Riverside Family Medicine");
                assertThat(tab.locator("[lang=es] h2")).hasText("No hay conexión");
                tab.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(java.nio.file.Path.of("target", "screenshots", "offline-page.png")));
            } finally {
                phone.close();
            }
        }
    }

    /** A TCP relay to the application; {@link #cut} refuses and drops every connection from then on. */
    static final class Relay implements AutoCloseable {
        private final java.net.ServerSocket server = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getByName("127.0.0.1"));
        private final java.util.Set<java.net.Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Relay(int target) throws java.io.IOException {
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket client = server.accept();
                        java.net.Socket upstream = new java.net.Socket("127.0.0.1", target);
                        open.add(client);
                        open.add(upstream);
                        pipe(client, upstream);
                        pipe(upstream, client);
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
        }

        private void pipe(java.net.Socket from, java.net.Socket to) {
            daemon(() -> {
                try {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (java.io.IOException gone) {
                    // the other side closed, or the relay was cut
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "relay");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void cut() {
            closeQuietly(server);
            open.forEach(Relay::closeQuietly);
        }

        private static void closeQuietly(java.io.Closeable c) {
            try {
                c.close();
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
        }

        @Override
        public void close() {
            cut();
        }
    }
}
