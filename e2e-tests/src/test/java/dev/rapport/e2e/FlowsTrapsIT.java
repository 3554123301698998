package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The inbound flow editor's traps a new user fell into (issue 15): the lookup key pre-filled with the value the
 * guide says to type, so that typing it doubled it, and a queue to type without knowing the queues there are.
 */
class FlowsTrapsIT extends AdminConsole {

    @Test
    void theLookupKeyHoldsAHintNotAValueAndADoubledKeyIsNotPublished() throws Exception {
        String name = "Hints " + suffix();
        createTable(name, "ANI", Map.of("CustomerName", "string"));
        String id = call("POST", "/api/v2/flows/inbound", Map.of("name", name, "steps", List.of())).path("id").asText();
        inBrowser(() -> {
            open("flows/" + id);
            page.getByLabel("New step in Flow steps").selectOption(new SelectOption().setLabel("Data table lookup"));
            button("Add step to Flow steps").click();
            Locator key = exact("Lookup key");
            assertThat(key).hasValue("");
            assertThat(key).hasAttribute("placeholder", Pattern.compile("\\{\\{Call\\.Ani}}"));
            key.pressSequentially("{{Call.Ani}}");
            assertThat(key).hasValue("{{Call.Ani}}");

            // The trap as it was: the hint typed after itself. The server refuses it and says where.
            key.fill("{{Call.Ani}}{{Call.Ani}}");
            exact("Data table").selectOption(new SelectOption().setLabel(name));
            button("Save").click();
            assertThat(page.getByText("Flow saved.")).isVisible();
            button("Publish").click();
            assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                    .setHasText("The flow cannot be published"))).containsText("Step 1, key:");
        });
    }

    @Test
    void theQueueFieldOffersTheQueuesOtherFlowsUse() throws Exception {
        String queue = "Billing Escalations " + suffix();
        call("POST", "/api/v2/flows/inbound", Map.of("name", "Queues " + suffix(), "steps", List.of(
                Map.of("type", "transferToQueue", "queueId", "billing-escalations", "queueName", queue))));
        String id = call("POST", "/api/v2/flows/inbound", Map.of("name", "Pick a queue " + suffix(), "steps",
                List.of())).path("id").asText();
        inBrowser(() -> {
            open("flows/" + id);
            page.getByLabel("New step in Flow steps").selectOption(new SelectOption().setLabel("Transfer to queue"));
            button("Add step to Flow steps").click();
            Locator name = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Queue name"));
            assertThat(name).isVisible();
            String list = name.getAttribute("list");
            assertThat(page.locator("datalist[id='" + list + "'] option[value='" + queue + "']")).hasCount(1);
            name.fill(queue);
            assertThat(exact("Queue id")).hasValue("billing-escalations");
        });
    }
}
