package dev.rapport.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the workshop into a running Rapport through the gateway's public API, as an admin would: the data table
 * and its rows, the workshop's data action imported unchanged, the script, the default inbound flow, and a few
 * wrap-up codes. What exists already (by name) is reused, so loading twice changes nothing.
 * Usage: {@code DemoLoader [gateway URL] [demo folder]}; admin credentials from RAPPORT_DEMO_ADMIN / _PASSWORD.
 */
public final class DemoLoader {
    public static final String TABLE = "Health Client Services";
    public static final String INTEGRATION = "Rapport Data Actions";
    public static final String ACTION = "Architect WS - Data Table Update";
    public static final String SCRIPT = "Architect Workshop";
    public static final String FLOW = "Workshop Inbound";

    private final DemoApiClient api;
    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();

    public record Loaded(String tableId, String actionId, String scriptId, String flowId) {
    }

    public DemoLoader(URI gateway, Path folder) {
        this.api = new DemoApiClient(gateway);
        this.folder = folder;
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        Path folder = Path.of(args.length > 1 ? args[1] : "demo");
        Loaded loaded = new DemoLoader(gateway, folder).load(env("RAPPORT_DEMO_ADMIN", "admin"),
                env("RAPPORT_DEMO_ADMIN_PASSWORD", "admin"));
        System.out.println("demo: table " + loaded.tableId() + ", data action " + loaded.actionId() + ", script "
                + loaded.scriptId() + ", flow " + loaded.flowId());
    }

    public Loaded load(String admin, String password) throws Exception {
        api.signIn(admin, password);
        String tableId = table();
        String actionId = action();
        String scriptId = script(actionId);
        String flowId = flow(tableId, scriptId);
        wrapupCodes();
        return new Loaded(tableId, actionId, scriptId, flowId);
    }

    private void wrapupCodes() throws Exception {
        for (JsonNode code : json.readTree(read("wrapup-codes.json"))) {
            try {
                api.post("/api/v2/routing/wrapupcodes", code);
            } catch (DemoApiClient.ApiError e) {
                if (e.status != 409) {
                    throw e;
                }
                // a code of that name exists already
            }
            say("wrap-up code " + code.path("name").asText());
        }
    }

    private String table() throws Exception {
        JsonNode found = api.get("/api/v2/flows/datatables?name=" + DemoApiClient.enc(TABLE)).path("entities");
        String tableId = found.size() > 0 ? found.get(0).path("id").asText()
                : api.post("/api/v2/flows/datatables", read("health-client-services.table.json")).path("id").asText();
        for (JsonNode row : json.readTree(read("health-client-services.rows.json"))) {
            String key = row.path("key").asText();
            try {
                api.post("/api/v2/flows/datatables/" + tableId + "/rows", row);
            } catch (DemoApiClient.ApiError e) {
                if (e.status != 409) {
                    throw e;
                }
                // The row exists: the demo leaves what was changed since alone.
            }
            say("row " + key + " in " + TABLE);
        }
        return tableId;
    }

    private String action() throws Exception {
        JsonNode integrations = api.get("/api/v2/integrations?pageSize=100").path("entities");
        String integrationId = null;
        for (JsonNode i : integrations) {
            if (INTEGRATION.equals(i.path("name").asText())) {
                integrationId = i.path("id").asText();
            }
        }
        if (integrationId == null) {
            integrationId = api.post("/api/v2/integrations", Map.of("name", INTEGRATION,
                    "integrationType", Map.of("id", "purecloud-data-actions"))).path("id").asText();
        }
        JsonNode actions = api.get("/api/v2/integrations/actions?pageSize=100&name=" + DemoApiClient.enc(ACTION))
                .path("entities");
        for (JsonNode a : actions) {
            if (ACTION.equals(a.path("name").asText())) {
                return a.path("id").asText();
            }
        }
        return api.post("/api/v2/integrations/actions/import?publish=true&integrationId=" + integrationId
                + "&name=" + DemoApiClient.enc(ACTION), read("workshop-data-action.json")).path("id").asText();
    }

    private String script(String actionId) throws Exception {
        for (JsonNode s : api.get("/api/v2/scripts?pageSize=100&name=" + DemoApiClient.enc(SCRIPT)).path("entities")) {
            if (SCRIPT.equals(s.path("name").asText())) {
                return s.path("id").asText();
            }
        }
        String body = read("architect-workshop.script.json").replace("${DATA_ACTION_ID}", actionId);
        String scriptId = api.post("/api/v2/scripts", body).path("id").asText();
        api.post("/api/v2/scripts/" + scriptId + "/publish", "{}");
        return scriptId;
    }

    private String flow(String tableId, String scriptId) throws Exception {
        for (JsonNode f : api.get("/api/v2/flows/inbound").path("entities")) {
            if (FLOW.equals(f.path("name").asText())) {
                return f.path("id").asText();
            }
        }
        String body = read("workshop-inbound.flow.json").replace("${TABLE_ID}", tableId).replace("${SCRIPT_ID}", scriptId);
        String flowId = api.post("/api/v2/flows/inbound", body).path("id").asText();
        api.post("/api/v2/flows/inbound/" + flowId + "/publish", "{}");
        return flowId;
    }

    private String read(String file) throws Exception {
        return Files.readString(folder.resolve(file));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        System.out.println("demo: " + line);
    }
}
