package dev.rapport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data action screens' trap a new user fell into (issue 15): a form that opened without the focus. */
class ActionsTrapsIT extends AdminConsole {

    @Test
    void theCredentialsFormTakesTheFocusWhenItOpens() throws Exception {
        String name = "Focus " + suffix();
        call("POST", "/api/v2/integrations", Map.of("name", name,
                "integrationType", Map.of("id", "custom-rest-actions")));
        inBrowser(() -> {
            open("actions/integrations");
            button("Set credentials of " + name).click();
            assertThat(page.getByLabel("Credential type")).isFocused();
        });
    }
}
