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

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
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

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
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
