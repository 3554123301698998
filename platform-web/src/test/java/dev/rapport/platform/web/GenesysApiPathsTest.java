package dev.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import dev.rapport.platform.web.GenesysApiPaths.Api;
import dev.rapport.platform.web.GenesysApiPaths.Entry;
import dev.rapport.platform.web.GenesysApiPaths.Status;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The list of Genesys's paths: how a request finds its operation, and what the list refuses. */
class GenesysApiPathsTest {
    private final GenesysApiPaths listed = GenesysApiPaths.listed();

    @Test
    void theListHoldsEveryOperationOfGenesysSdkForTheApis() {
        // purecloud-platform-client-v2 262.0.0: 18 data-table, 28 data-action and 15 script operations, and 317
        // under /api/v2/conversations (ConversationsApi's 298, RecordingApi's 10, AIStudioApi's 6,
        // ScreenMonitoringApi's 3; SearchApi's 2 are ConversationsApi's too)
        assertThat(listed.entries().stream().filter(e -> e.operation() != null)
                .collect(groupingBy(Entry::api, counting())))
                .containsEntry(Api.DATA_TABLES, 18L).containsEntry(Api.DATA_ACTIONS, 28L)
                .containsEntry(Api.SCRIPTS, 15L).containsEntry(Api.CONVERSATIONS, 317L);
    }

    @Test
    void theConversationsPathsRapportServesWinOverTheirLiteralNeighbours() {
        assertThat(operation("GET", "/api/v2/conversations/0b1c")).contains("getConversation");
        assertThat(status("GET", "/api/v2/conversations/0b1c")).contains(Status.DIFFERS);
        assertThat(status("GET", "/api/v2/conversations/calls")).contains(Status.NOT_IMPLEMENTED);
        assertThat(operation("GET", "/api/v2/conversations/callbacks/0b1c")).contains("getConversationsCallback");
        assertThat(status("POST", "/api/v2/conversations/callbacks")).contains(Status.DIFFERS);
        assertThat(status("POST", "/api/v2/conversations/0b1c/disconnect")).contains(Status.SERVED);
        assertThat(status("PUT", "/api/v2/conversations/0b1c/tags")).contains(Status.SERVED);
        assertThat(status("PATCH", "/api/v2/conversations/0b1c/participants/p1/attributes"))
                .contains(Status.DIFFERS);
        assertThat(status("POST", "/api/v2/conversations/messages/agentless")).contains(Status.NOT_IMPLEMENTED);
        assertThat(GenesysApiPaths.apiOf("/api/v2/conversations")).contains(Api.CONVERSATIONS);
        assertThat(GenesysApiPaths.apiOf("/api/v2/conversationsX")).isEmpty();
    }

    @Test
    void aLiteralSegmentWinsOverAPlaceholderAsInJaxRs() {
        assertThat(status("GET", "/api/v2/scripts/published")).contains(Status.DIFFERS);
        assertThat(operation("GET", "/api/v2/scripts/published")).contains("getScriptsPublished");
        assertThat(operation("GET", "/api/v2/scripts/published/divisionviews"))
                .contains("getScriptsPublishedDivisionviews");
        assertThat(status("GET", "/api/v2/scripts/published/divisionviews")).contains(Status.NOT_IMPLEMENTED);
        assertThat(operation("GET", "/api/v2/scripts/published/abc")).contains("getScriptsPublishedScriptId");
        assertThat(operation("GET", "/api/v2/scripts/abc")).contains("getScript");
        assertThat(status("GET", "/api/v2/integrations/actions/categories")).contains(Status.NOT_IMPLEMENTED);
        assertThat(status("GET", "/api/v2/integrations/actions/executions")).contains(Status.RAPPORT);
        assertThat(operation("GET", "/api/v2/integrations/actions/custom_-_1")).contains("getIntegrationsAction");
    }

    @Test
    void theMethodCountsAndAnUnlistedPathMatchesNothing() {
        assertThat(status("POST", "/api/v2/scripts/published")).contains(Status.NOT_IMPLEMENTED);
        assertThat(status("get", "/api/v2/scripts/published")).contains(Status.DIFFERS);
        assertThat(listed.match("PATCH", "/api/v2/scripts/abc")).isEmpty();
        assertThat(listed.match("GET", "/api/v2/scripts/abc/nothing/here")).isEmpty();
        assertThat(listed.match("GET", "/api/v2/scripts/" + "x".repeat(GenesysApiPaths.MAX_PATH_LENGTH))).isEmpty();
        assertThat(listed.match("GET", "api/v2/scripts")).isEmpty();
        assertThat(GenesysApiPaths.apiOf("/api/v2/scriptsX")).isEmpty();
        assertThat(GenesysApiPaths.apiOf("/api/v2/scripts/x")).contains(Api.SCRIPTS);
        assertThat(GenesysApiPaths.apiOf("/api/v2/integrations/abc")).isEmpty();
    }

    @Test
    void aServiceIsCheckedAgainstTheListBothWays() {
        GenesysApiPaths paths = GenesysApiPaths.parse("""
                GET\t/api/v2/scripts/{scriptId}\tserved\tgetScript
                GET\t/api/v2/scripts/divisionviews\t501\tgetScriptsDivisionviews
                GET\t/api/v2/scripts/{scriptId}/pages\tdiffers\tgetScriptPages\tnote
                """);
        assertThat(paths.problemsOf(Api.SCRIPTS, List.of("GET /api/v2/scripts/{id}", "GET /api/v2/scripts/{id}/pages",
                "GET /api/v2/flows/inbound"))).isEmpty();
        assertThat(paths.problemsOf(Api.SCRIPTS, List.of("GET /api/v2/scripts/{id}",
                "GET /api/v2/scripts/divisionviews", "DELETE /api/v2/scripts/{id}"))).containsExactlyInAnyOrder(
                "GET /api/v2/scripts/{scriptId}/pages is listed as differs but script-service does not serve it",
                "GET /api/v2/scripts/divisionviews is listed as 501 but script-service serves it",
                "DELETE /api/v2/scripts/{} is served by script-service but not listed in " + GenesysApiPaths.RESOURCE
                        + " (add it, as rapport if it is not Genesys's)");
    }

    @Test
    void aMalformedListIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> GenesysApiPaths.parse("GET\t/api/v2/scripts\tserved\n"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> GenesysApiPaths.parse("GET\t/api/v2/other\tserved\tgetOther\n"))
                .hasMessageContaining("under no API's prefix");
        assertThatThrownBy(() -> GenesysApiPaths.parse("GET\t/api/v2/scripts\tmaybe\tgetScripts\n"))
                .hasMessageContaining("unknown status");
        assertThatThrownBy(() -> GenesysApiPaths.parse("GET\t/api/v2/scripts/x\trapport\tgetX\n"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> GenesysApiPaths.parse("GET\t/api/v2/scripts/{a}\tserved\tgetA\n"
                + "# two spellings of one path\nGET\t/api/v2/scripts/{b}\trapport\t-\n"))
                .hasMessageContaining("line 3").hasMessageContaining("listed twice");
    }

    private Optional<Status> status(String method, String path) {
        return listed.match(method, path).map(Entry::status);
    }

    private Optional<String> operation(String method, String path) {
        return listed.match(method, path).map(Entry::operation);
    }
}
