package dev.rapport.gateway.desktop;

import dev.rapport.testkit.TestBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** What the desktop's browser tests share: one headless Chromium per class, the broker, and the desktop's address. */
abstract class DesktopBrowserTest {
    static TestBrowser browser;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL desktop;

    @BeforeAll
    static void startBrowser() {
        browser = new TestBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }
}
