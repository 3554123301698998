package dev.rapport.testkit;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright with the system Node: nothing is downloaded (no browser, no
 * driver-bundle). Override the paths with CHROMIUM_PATH and PLAYWRIGHT_NODEJS_PATH.
 */
public final class TestBrowser implements AutoCloseable {
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public TestBrowser() {
        String node = env("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node");
        if (System.getProperty("playwright.nodejs.path") == null) {
            System.setProperty("playwright.nodejs.path", node);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Path executable = Path.of(env("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: apt-get install -y chromium");
        }
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** A fresh profile (own sessionStorage) at the width the desktop is designed for. */
    public BrowserContext newContext() {
        return chromium.newContext(new NewContextOptions().setViewportSize(1280, 860));
    }

    /** Signs in through the form and waits until the header shows who is signed in. */
    public static void signIn(Page page, URL desktop, String user, String password, String displayName) {
        page.navigate(desktop.toString());
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        PlaywrightAssertions.assertThat(page.locator(".who")).hasText(displayName);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
