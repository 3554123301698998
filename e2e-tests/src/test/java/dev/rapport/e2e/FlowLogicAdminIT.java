package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flow logic in the admin console (issue 17): a schedule and a schedule group made on the Schedules page, then a
 * flow whose Decision branches to an Evaluate schedule group step with a callback when closed, built in the flow
 * editor's nested branches; publishing names a broken expression's place; axe finds nothing grave on either page.
 */
class FlowLogicAdminIT extends AdminConsole {
    private static final Path AXE =
            RapportSystem.ROOT.resolve("gateway/src/main/webui/node_modules/axe-core/axe.min.js");

    @Test
    void anAdminMakesOpenHoursAndADecisionThatBranchesOnThem() throws Exception {
        String s = suffix();
        String flowId = call("POST", "/api/v2/flows/inbound", Map.of("name", "Logic " + s, "steps", List.of()))
                .path("id").asText();
        context.addInitScript(AXE);
        List<String> grave = new ArrayList<>();
        inBrowser(() -> {
            page.reload();
            open("schedules");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Schedules").setExact(true)))
                    .isVisible();
            exact("Schedule name").fill("Weekdays " + s);
            exact("First start").fill("2025-01-06T09:00");
            exact("First end").fill("2025-01-06T17:00");
            button("Add schedule").click();
            assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Weekdays " + s).setExact(true)))
                    .isVisible();
            exact("Schedule group name").fill("Hours " + s);
            exact("Time zone").fill("America/New_York");
            exact("Schedule Weekdays " + s + " in this group").selectOption(new SelectOption().setLabel("Open"));
            button("Add schedule group").click();
            assertThat(page.getByText("Open: Weekdays " + s)).isVisible();
            axe("schedules", grave);
        });
        JsonNode group = call("GET", "/api/v2/architect/schedulegroups?name=" + RapportSystem.enc("Hours " + s), null)
                .path("entities").get(0);
        assertThat(group.path("timeZone").asText()).isEqualTo("America/New_York");
        JsonNode schedule = call("GET", "/api/v2/architect/schedules/" + group.path("openSchedules").get(0)
                .path("id").asText(), null);
        assertThat(schedule.path("rrule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
        assertThat(schedule.path("start").asText()).isEqualTo("2025-01-06T09:00:00.000");

        inBrowser(() -> {
            open("flows/" + flowId);
            page.getByLabel("New step in Flow steps").selectOption(new SelectOption().setLabel("Decision"));
            button("Add step to Flow steps").click();
            exact("Decision name").fill("Services contains Insurance");
            exact("Condition").fill("contains({{Call.Attributes.Services}}, ");
            page.getByLabel("New step in Yes (step 1)").selectOption(new SelectOption().setLabel("Evaluate schedule group"));
            button("Add step to Yes (step 1)").click();
            exact("Schedule group").selectOption(new SelectOption().setLabel("Hours " + s + " (America/New_York)"));
            page.getByLabel("New step in Closed (step 1 yes step 1)")
                    .selectOption(new SelectOption().setLabel("Request callback"));
            button("Add step to Closed (step 1 yes step 1)").click();
            exact("Callback queue id").fill("callbacks");
            button("Save").click();
            assertThat(page.getByText("Flow saved.")).isVisible();

            // A condition that does not parse is not published, and the problem says where it is.
            button("Publish").click();
            assertThat(page.getByRole(AriaRole.ALERT).filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Step 1, expression"))).isVisible();
            exact("Condition").fill("contains({{Call.Attributes.Services}}, \"Insurance\")");
            button("Publish").click();
            assertThat(page.getByText("Published version 1.")).isVisible();
            axe("flow with logic steps", grave);
        });
        JsonNode steps = call("GET", "/api/v2/flows/inbound/" + flowId, null).path("draft").path("steps");
        JsonNode decision = steps.get(0);
        assertThat(decision.path("type").asText()).isEqualTo("decision");
        assertThat(decision.path("name").asText()).isEqualTo("Services contains Insurance");
        JsonNode hours = decision.path("yes").get(0);
        assertThat(hours.path("type").asText()).isEqualTo("evaluateScheduleGroup");
        assertThat(hours.path("scheduleGroupId").asText()).isEqualTo(group.path("id").asText());
        assertThat(hours.path("closed").get(0).path("type").asText()).isEqualTo("requestCallback");
        assertThat(hours.path("closed").get(0).path("queueId").asText()).isEqualTo("callbacks");
        assertThat(grave).as("axe-core's serious and critical violations").isEmpty();
    }

    private void axe(String where, List<String> grave) throws Exception {
        page.waitForLoadState();
        Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, "
                + "{ resultTypes: ['violations'], iframes: false })).violations)");
        for (JsonNode v : JSON.readTree(String.valueOf(result))) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> nodes = new ArrayList<>();
                v.path("nodes").forEach(n -> nodes.add(n.path("html").asText()));
                grave.add(where + ": " + impact + " " + v.path("id").asText() + " at " + nodes);
            }
        }
    }
}
