package dev.rapport.gateway.desktop;

import dev.rapport.testkit.TestBrowser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A test call, placed with `./rapport call` and from the admin page, reaches 'interactions' as the IVR's would. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class TestCallTest extends DesktopBrowserTest {
    @Test
    void theRapportCallCommandPostsStartedQueuedAndConnectedAndPrintsTheInteractionId() throws Exception {
        ProcessBuilder command = new ProcessBuilder("bash", Path.of("..", "rapport").toString(), "call",
                "--ani", "7204276664", "--agent", "alex", "--agent-name", "Alex Agent", "--dnis", "8005551234",
                "--queue", "Billing", "--attr", "Reason=billing \"late\"", "--attr", "Plan=a=b")
                .redirectErrorStream(true);
        command.environment().put("RAPPORT_GATEWAY_URL", desktop.toString().replaceAll("/$", ""));
        Process call = command.start();
        String output = finish(call);
        String[] lines = output.strip().split("\n");
        String interactionId = lines[lines.length - 1].strip();
        assertThat(interactionId).as(output).matches("[0-9a-f-]{36}");

        List<InteractionEvent> events = events(interactionId, 3);
        assertThat(events).extracting(InteractionEvent::type).containsExactly(InteractionEvent.Kind.STARTED,
                InteractionEvent.Kind.QUEUED, InteractionEvent.Kind.CONNECTED);
        assertThat(events.get(0).ani()).isEqualTo("7204276664");
        assertThat(events.get(0).dnis()).isEqualTo("8005551234");
        assertThat(events.get(0).attributes()).containsEntry("Reason", "billing \"late\"").containsEntry("Plan", "a=b");
        assertThat(events.get(1).queue().id()).isEqualTo("Billing");
        assertThat(events.get(2).agent().id()).isEqualTo("alex");
        assertThat(events.get(2).agent().name()).isEqualTo("Alex Agent");
    }

    @Test
    void anAdminPlacesATestCallFromTheAdminPageAndAnAgentCannot() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            TestBrowser.signIn(page, desktop, "admin", "admin", "Ada Admin");
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Test call")).click();
            page.getByLabel("ANI (caller)").fill("1234");
            page.getByLabel("IVR attributes, one name=value a line").fill("Reason=<b>billing</b>\nLanguage=en");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Place call")).click();
            String interactionId = page.locator("[role='status'] a[data-interaction]").getAttribute("data-interaction",
                    new com.microsoft.playwright.Locator.GetAttributeOptions().setTimeout(15_000));

            List<InteractionEvent> events = events(interactionId, 2);
            assertThat(events).extracting(InteractionEvent::type)
                    .containsExactly(InteractionEvent.Kind.STARTED, InteractionEvent.Kind.CONNECTED);
            assertThat(events.get(0).ani()).isEqualTo("1234");
            assertThat(events.get(0).attributes()).containsEntry("Reason", "<b>billing</b>");
            assertThat(events.get(1).agent().id()).isEqualTo("alex");
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            TestBrowser.signIn(page, desktop, "alex", "alex", "Alex Agent");
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Test call"))).hasCount(0);
            page.navigate(desktop + "#/admin");
            assertThat(page.locator("main [role='alert']")).containsText("admin role");
        }
    }

    private List<InteractionEvent> events(String interactionId, int expected) {
        return new TopicProbe(bootstrap).read(Topics.INTERACTIONS, r -> interactionId.equals(r.key()), expected,
                        Duration.ofSeconds(20), Duration.ofMillis(500)).stream()
                .map(KafkaCloudEvents::fromRecord).map(CloudEvent::data)
                .map(d -> EventJson.read(d, InteractionEvent.class)).toList();
    }

    private String finish(Process call) throws IOException, InterruptedException {
        String output = new String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(call.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(call.exitValue()).as(output).isZero();
        return output;
    }
}
