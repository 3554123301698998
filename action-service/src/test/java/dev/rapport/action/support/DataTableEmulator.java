package dev.rapport.action.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * datatable-service's row PUT as far as the workshop needs it, on the loopback server behind the internal base URL: a
 * table with rows by key (row {@code 1234} blank, as in the workshop), answering only the service's bearer token.
 */
public final class DataTableEmulator {
    public static final Path WORKSHOP = Path.of("..", "fixtures", "genesys",
            "data-actions", "ArchitectWorkshopContent__Architect-WS-Data-Table-Update.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROW = Pattern.compile("/api/v2/flows/datatables/([^/]+)/rows/([^/]+)");

    private DataTableEmulator() {
    }

    public static Map<String, ObjectNode> start(String tableId) {
        Map<String, ObjectNode> rows = new ConcurrentHashMap<>();
        ObjectNode blank = JSON.createObjectNode().put("key", "1234").put("CustomerName", "").put("CaseStatus", "")
                .put("Services", "").put("EmbeddedMap", "").put("KBURL", "");
        rows.put("1234", blank);
        LoopbackResource.server.answer(r -> {
            Matcher m = ROW.matcher(r.path());
            if (!("Bearer " + LoopbackResource.serviceToken).equals(r.header("Authorization"))) {
                return LoopbackServer.Answer.json(401, "{\"message\":\"no token\",\"code\":\"authentication.required\",\"status\":401}");
            }
            if (!m.matches() || !m.group(1).equals(tableId) || !rows.containsKey(m.group(2))) {
                return LoopbackServer.Answer.json(404, "{\"message\":\"not found\",\"code\":\"not.found\",\"status\":404}");
            }
            if (!r.method().equals("PUT")) {
                return LoopbackServer.Answer.json(405, "{}");
            }
            try {
                ObjectNode body = (ObjectNode) JSON.readTree(r.body());
                ObjectNode row = JSON.createObjectNode().put("key", body.remove("KEY").asText());
                row.setAll(body);
                rows.put(m.group(2), row);
                return LoopbackServer.Answer.json(200, row.toString());
            } catch (Exception e) {
                return LoopbackServer.Answer.json(400, "{\"message\":\"bad body\",\"code\":\"bad.request\",\"status\":400}");
            }
        });
        return rows;
    }
}
