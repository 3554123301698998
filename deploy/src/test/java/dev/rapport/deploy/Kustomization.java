package dev.rapport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What `kubectl apply -k` would apply, for the subset of Kustomize that Rapport's manifests use: resources (files
 * and folders with their own kustomization.yaml), namespace, images, and JSON 6902 patches on one target each.
 * Anything else in a kustomization.yaml is refused, so a manifest never relies on a feature this reading ignores.
 */
final class Kustomization {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    /** One object of the output, and the file it came from. */
    record Resource(ObjectNode object, Path file) {
        String kind() {
            return object.path("kind").asText();
        }

        String name() {
            return object.path("metadata").path("name").asText();
        }

        String apiVersion() {
            return object.path("apiVersion").asText();
        }
    }

    private Kustomization() {
    }

    /** The file names that a folder's kustomization.yaml lists under resources. */
    static List<String> listedResources(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        read(dir).path("resources").forEach(r -> names.add(r.asText()));
        return names;
    }

    static List<Resource> build(Path dir) throws IOException {
        JsonNode kustomization = read(dir);
        List<Resource> out = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                out.addAll(build(path));
            } else if (Files.isRegularFile(path)) {
                out.addAll(documents(path));
            } else {
                throw new AssertionError(dir.resolve("kustomization.yaml") + " lists " + entry.asText() + ", which does not exist");
            }
        }
        String namespace = kustomization.path("namespace").asText(null);
        if (namespace != null) {
            out.stream().filter(r -> !CLUSTER_SCOPED.contains(r.kind()))
                    .forEach(r -> r.object().withObjectProperty("metadata").put("namespace", namespace));
        }
        for (JsonNode image : kustomization.path("images")) {
            setImages(out, image);
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(out, patch, dir);
        }
        return out;
    }

    private static JsonNode read(Path dir) throws IOException {
        JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new AssertionError(dir.resolve("kustomization.yaml") + ": '" + field + "' is not read by this "
                        + "check; keep to " + FIELDS);
            }
        });
        if (!"Kustomization".equals(kustomization.path("kind").asText())) {
            throw new AssertionError(dir.resolve("kustomization.yaml") + " is not a Kustomization");
        }
        return kustomization;
    }

    static List<Resource> documents(Path file) throws IOException {
        List<Resource> docs = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(file.toFile())) {
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new AssertionError(file + " holds a document that is not an object");
                }
                docs.add(new Resource((ObjectNode) doc, file));
            }
        }
        return docs;
    }

    private static void setImages(List<Resource> resources, JsonNode image) {
        String name = image.path("name").asText();
        int replaced = 0;
        for (Resource r : resources) {
            for (JsonNode container : r.object().path("spec").path("template").path("spec").path("containers")) {
                String current = container.path("image").asText();
                String bare = current.replaceAll("[:@].*$", "");
                if (bare.equals(name)) {
                    String newName = image.path("newName").asText(name);
                    String tag = image.has("newTag") ? ":" + image.path("newTag").asText() : "";
                    ((ObjectNode) container).put("image", newName + tag);
                    replaced++;
                }
            }
        }
        if (replaced == 0) {
            throw new AssertionError("images: no container uses " + name);
        }
    }

    private static void applyPatch(List<Resource> resources, JsonNode patch, Path dir) throws IOException {
        String kind = patch.path("target").path("kind").asText();
        String name = patch.path("target").path("name").asText();
        List<Resource> targets = resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).toList();
        if (targets.size() != 1) {
            throw new AssertionError(dir + ": a patch targets " + kind + "/" + name + ", which matches "
                    + targets.size() + " objects instead of one");
        }
        JsonNode ops = YAML.readTree(patch.path("patch").asText());
        if (!ops.isArray()) {
            throw new AssertionError(dir + ": the patch of " + kind + "/" + name + " is not a JSON 6902 list of operations");
        }
        for (JsonNode op : ops) {
            JsonPatch.apply(targets.get(0).object(), op, kind + "/" + name);
        }
    }

    /** JSON Patch (RFC 6902) add, replace and remove, enough for overlays. */
    static final class JsonPatch {
        private JsonPatch() {
        }

        static void apply(ObjectNode target, JsonNode op, String what) {
            String path = op.path("path").asText();
            String[] tokens = path.substring(1).split("/", -1);
            JsonNode parent = target;
            for (int i = 0; i < tokens.length - 1; i++) {
                parent = child(parent, unescape(tokens[i]));
                if (parent == null) {
                    throw new AssertionError(what + ": patch path " + path + " does not exist");
                }
            }
            String last = unescape(tokens[tokens.length - 1]);
            String operation = op.path("op").asText();
            boolean exists = child(parent, last) != null;
            if ((operation.equals("replace") || operation.equals("remove")) && !exists) {
                throw new AssertionError(what + ": patch " + operation + " " + path + ": nothing there to " + operation);
            }
            switch (operation) {
                case "replace", "add" -> {
                    if (parent instanceof ObjectNode object) {
                        object.set(last, op.path("value"));
                    } else if (parent instanceof ArrayNode array) {
                        if (last.equals("-")) {
                            array.add(op.path("value"));
                        } else if (operation.equals("add")) {
                            array.insert(Integer.parseInt(last), op.path("value"));
                        } else {
                            array.set(Integer.parseInt(last), op.path("value"));
                        }
                    }
                }
                case "remove" -> {
                    if (parent instanceof ObjectNode object) {
                        object.remove(last);
                    } else {
                        ((ArrayNode) parent).remove(Integer.parseInt(last));
                    }
                }
                default -> throw new AssertionError(what + ": patch operation '" + operation + "' is not read by this check");
            }
        }

        private static JsonNode child(JsonNode node, String token) {
            if (node instanceof ArrayNode array) {
                if (!token.matches("\\d+") || Integer.parseInt(token) >= array.size()) {
                    return null;
                }
                return array.get(Integer.parseInt(token));
            }
            return node.get(token);
        }

        private static String unescape(String token) {
            return token.replace("~1", "/").replace("~0", "~");
        }
    }
}
