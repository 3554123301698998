package dev.rapport.action.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.templates.TemplateLimits;
import dev.rapport.action.templates.TemplateRenderer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Velocity helpers as Genesys documents them. */
class TemplateSemanticsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final TemplateRenderer renderer = new TemplateRenderer(TemplateLimits.DEFAULT);

    String request(String template, String input) throws Exception {
        return renderer.render("t", template, TemplateContexts.request((ObjectNode) JSON.readTree(input),
                Map.of("apiKey", "k-1")));
    }

    @Test
    void inputsRawRequestAndSilentReferences() throws Exception {
        String input = "{\"name\":\"Ada \\\"Countess\\\"\",\"n\":20,\"obj\":{\"a\":[1,2]}}";
        assertThat(request("${input.name}|$input.n|${INPUT.n}", input)).isEqualTo("Ada \"Countess\"|20|20");
        assertThat(JSON.readTree(request("${input.rawRequest}", input))).isEqualTo(JSON.readTree(input));
        assertThat(request("${input.obj}", input)).isEqualTo("{\"a\":[1,2]}");
        assertThat(request("[$!{input.missing}][${input.missing}]", input)).isEqualTo("[][${input.missing}]");
        assertThat(request("${input.name.replace(' ','%20').length()}", input)).isEqualTo("16");
        assertThat(request("$credentials.apiKey", input)).isEqualTo("k-1");
    }

    @Test
    void escapingHelpers() throws Exception {
        String input = "{\"s\":\"a b/\\\"c\\\"&é\"}";
        assertThat(request("$esc.jsonString(${input.s})", input)).isEqualTo("a b/\\\"c\\\"&é");
        assertThat(request("$esc.jsonEncode($input.s)", input)).isEqualTo("a b/\\\"c\\\"&é");
        assertThat(request("$esc.jsonDecode('a\\\"b')", input)).isEqualTo("a\"b");
        assertThat(request("$esc.url($input.s)", input)).isEqualTo("a+b%2F%22c%22%26%C3%A9");
        assertThat(request("$esc.urlFormEncode($input.s)", input)).isEqualTo("a+b%2F%22c%22%26%C3%A9");
        assertThat(request("$esc.uriEncode($input.s)", input)).isEqualTo("a%20b%2F%22c%22%26%C3%A9");
        assertThat(request("$esc.quote$esc.quote", input)).isEqualTo("\"\"");
        assertThat(request("$encoding.base64('user:pw')", input)).isEqualTo("dXNlcjpwdw==");
        assertThat(request("$math.add(2, 3)", input)).isEqualTo("5");
        assertThat(request("?a=1&$urlTool.optionalQueryParam('q', $!{input.none})", input)).isEqualTo("?a=1&");
        assertThat(request("$urlTool.optionalQueryParam('q', $input.s)", input)).isEqualTo("q=a+b%2F%22c%22%26%C3%A9");
        assertThat(request("#if($!{input.s} == '')empty#{else}set#end", input)).isEqualTo("set");
    }

    @Test
    void successTemplateGetsAliasesAsJsonText() throws Exception {
        Map<String, com.fasterxml.jackson.databind.JsonNode> translated = Map.of(
                "ids", JSON.readTree("[\"x\",\"y\"]"), "none", JSON.readTree("[]"), "name", JSON.readTree("\"Bo\""));
        String out = renderer.render("s", "{\"first\": ${successTemplateUtils.firstFromArray(\"${ids}\", "
                        + "\"$esc.quote$esc.quote\")}, \"none\": $successTemplateUtils.firstFromArray(\"${none}\", "
                        + "\"$esc.quote$esc.quote\"), \"name\": ${name}, \"raw\": ${rawResult}}",
                TemplateContexts.success(JSON.createObjectNode(), translated, "{\"r\":1}"));
        assertThat(JSON.readTree(out)).isEqualTo(JSON.readTree(
                "{\"first\":\"x\",\"none\":\"\",\"name\":\"Bo\",\"raw\":{\"r\":1}}"));
        assertThat(new dev.rapport.action.templates.SuccessTemplateUtils()
                .moveKeysIntoArrayOfObjects("{\"a\":1,\"b\":{\"c\":2}}"))
                .isEqualTo("[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"c\":2}]");
    }

    @Test
    void translationUsesDefaultsOnlyWhenAPathDoesNotResolve() throws Exception {
        Translation t = new Translation();
        var response = JSON.readTree("{\"a\":null,\"list\":[{\"k\":1,\"p\":\"x\"},{\"k\":2,\"p\":\"y\"},{\"k\":3,\"p\":\"x\"}]}");
        var out = t.translate(response, new java.util.LinkedHashMap<>(Map.of(
                        "nullKept", "$.a", "missing", "$.b", "filter", "$.list[?(@.p=='x' && @.k > 1)].k",
                        "last", "$.list[-1].k", "slice", "$.list[-2:].k", "deep", "$..k", "len", "$.list.length()")),
                Map.of("nullKept", "\"d\"", "missing", "disconnected"));
        assertThat(out.get("nullKept").isNull()).isTrue();
        assertThat(out.get("missing").asText()).isEqualTo("disconnected");
        assertThat(out.get("filter").toString()).isEqualTo("[3]");
        assertThat(out.get("last").asInt()).isEqualTo(3);
        assertThat(out.get("slice").toString()).isEqualTo("[2,3]");
        assertThat(out.get("deep").toString()).isEqualTo("[1,2,3]");
        assertThat(out.get("len").asInt()).isEqualTo(3);
    }

    @Test
    void flatteningGivesDottedNamesAndKeepsArrays() throws Exception {
        ObjectNode out = Flattening.flatten((ObjectNode) JSON.readTree(
                "{\"a\":1,\"outobj\":{\"objstr\":\"x\",\"deep\":{\"n\":2}},\"list\":[{\"k\":1}],\"empty\":{}}"));
        assertThat(out).isEqualTo(JSON.readTree(
                "{\"a\":1,\"outobj.objstr\":\"x\",\"outobj.deep.n\":2,\"list\":[{\"k\":1}],\"empty\":{}}"));
    }
}
