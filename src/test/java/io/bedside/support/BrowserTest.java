package io.bedside.support;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Page tests in Debian's headless Chromium, driven by Playwright against the running application.
 * No browser is downloaded: Playwright is pointed at /usr/bin/chromium. Each test leaves a
 * screenshot of where it ended in target/screenshots/.
 */
public abstract class BrowserTest extends ApplicationTest {

    public static final int PHONE_WIDTH = 360;
    public static final int PHONE_HEIGHT = 740;

    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;
    private String testName;

    @org.springframework.beans.factory.annotation.Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    /** A failed test prints what live delivery was doing (LiveDiagnostics). */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher liveState = new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext c, Throwable cause) {
            if (meters != null) {
                LiveDiagnostics.print(meters, System.err);
            }
        }
    };

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    /**
     * The browser tests need Debian's chromium. Where it is missing and we may install packages
     * (root, as on CI and the project's machines), install it, as .ci/run does; otherwise say how.
     */
    static synchronized void ensureChromium() {
        if (java.nio.file.Files.isExecutable(CHROMIUM)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && java.nio.file.Files.isExecutable(Paths.get("/usr/bin/apt-get"))) {
            try {
                Process install = new ProcessBuilder("sh", "-c",
                        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium")
                        .inheritIO().start();
                if (install.waitFor() == 0 && java.nio.file.Files.isExecutable(CHROMIUM)) {
                    return;
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Installing chromium failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("The browser tests need Debian's chromium at " + CHROMIUM
                + ": install it with 'sudo apt-get install chromium'.");
    }

    @BeforeAll
    static void launch() {
        ensureChromium();
        // Live updates cross the app, the broker, the stream and a fragment request: on a 2-core CI
        // machine that also runs the browser and the database, 5 s (Playwright's default) is too
        // tight for a pass to mean anything but luck. A real failure still fails, 10 s later.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPhone(TestInfo info) {
        testName = info.getTestMethod().map(m -> getClass().getSimpleName() + "-" + m.getName()).orElse("page");
        context = newContext(true);
        page = context.newPage();
    }

    @AfterEach
    void screenshotAndClose() {
        if (page != null && !page.isClosed()) {
            screenshot(testName);
        }
        if (context != null) {
            context.close();
        }
    }

    /** A fresh browser profile with a phone-sized screen, as a second device would be. */
    protected BrowserContext newContext(boolean javaScript) {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
                .setJavaScriptEnabled(javaScript)
                .setLocale("en-US")
                .setBaseURL("http://127.0.0.1:" + port));
    }

    /** A fresh browser profile on a desktop screen, as staff at a workstation use. */
    protected BrowserContext newDesktopContext() {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 860)
                .setLocale("en-US")
                .setBaseURL("http://127.0.0.1:" + port));
    }

    /** Makes this test's page a desktop one (its screenshot is then desktop-sized). */
    protected void useDesktop() {
        context.close();
        context = newDesktopContext();
        page = context.newPage();
    }

    /** Signs a member of staff in; they land on their inbox (practice admins on their admin overview). */
    protected void signInStaff(Page on, String email) {
        on.navigate("/login");
        on.getByLabel("Email").fill(email);
        on.getByLabel("Password").fill("demo-password");
        on.locator("form button[type=submit]").click();
        on.waitForURL(java.util.regex.Pattern.compile(".*/app/(inbox|admin)$"));
    }

    /**
     * Opens the header's menu (a disclosure, closed on a phone) where its links live: language,
     * sign-out, settings. Nothing happens when it is already open (wide screens).
     */
    protected static void openMenu(Page on) {
        var menu = on.locator("details.menu");
        if (menu.count() > 0 && !Boolean.TRUE.equals(menu.first().evaluate("d => d.open"))) {
            on.locator("details.menu > summary").first().click();
        }
    }

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    /**
     * Waits until the page's live event stream is open (live.js marks it on the root element), so a
     * change made next is one the page hears of, and a page whose stream never opens fails here,
     * saying so, rather than later as a missing update.
     */
    protected static void waitForLiveStream(Page on) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(on.locator("html"))
                .hasAttribute("data-live-stream", "open");
    }

    /** Signs in through the sign-in page. */
    protected void signIn(Page on, String email) {
        on.navigate("/login");
        on.getByLabel("Email").fill(email);
        on.getByLabel("Password").fill("demo-password");
        on.locator("form button[type=submit]").click();
        on.waitForURL("**/app/conversations");
    }
}
