package dev.rapport.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesignerScriptsTest {

    @Test
    void aScriptHasExactlyTheAskedNumberOfComponentsWithUniqueIds() {
        for (int size : new int[] {1, 10, 299, 300}) {
            JsonNode root = DesignerScripts.build("s", size).path("pages").get(0).path("root");
            assertThat(DesignerScripts.count(root)).as("size %d", size).isEqualTo(size);
            Set<String> ids = new HashSet<>();
            collect(root, ids);
            assertThat(ids).hasSize(size + 1);
        }
    }

    @Test
    void theEditedTextsExistAndSpreadOverThePage() {
        assertThat(DesignerScripts.editableTexts(300, 10)).hasSize(10).startsWith("text-1").endsWith("text-75");
        assertThat(DesignerScripts.editableTexts(10, 10)).containsExactly("text-1", "text-2");
        assertThat(DesignerScripts.editableTexts(3, 10)).isEmpty();
    }

    private static void collect(JsonNode node, Set<String> ids) {
        ids.add(node.path("id").asText());
        node.path("children").forEach(child -> collect(child, ids));
    }
}
