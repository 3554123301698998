package dev.rapport.action.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rapport.action.templates.Insertion;
import dev.rapport.action.templates.TemplateException;
import dev.rapport.action.templates.TemplateRenderer;
import dev.rapport.contract.Attribution;
import dev.rapport.contract.GenesysError;
import dev.rapport.contract.OnBehalfOf;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a data action as Genesys does: validate input → render URL, headers and body → call → parse the response →
 * translationMap → successTemplate → validate the result (→ flatten). Every step is recorded with its intermediate
 * result; the first failing step ends the run. Credentials and the internal token never appear in the steps.
 */
public class DataActionRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DataActionRunner.class);

    private final TemplateRenderer templates;
    private final ContractValidator contracts;
    private final Translation translation = new Translation();
    private final OutboundHttp http;
    private final RequestRouter router;
    private final Supplier<String> internalToken;
    private final int defaultTimeoutSeconds;

    public DataActionRunner(TemplateRenderer templates, ContractValidator contracts, OutboundHttp http,
                        RequestRouter router, Supplier<String> internalToken, int defaultTimeoutSeconds) {
        this.templates = templates;
        this.contracts = contracts;
        this.http = http;
        this.router = router;
        this.internalToken = internalToken;
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
    }

    public int timeoutSeconds(ActionDefinition action) {
        return action.timeoutSeconds(defaultTimeoutSeconds);
    }

    public Execution run(ActionDefinition action, IntegrationContext integration, ObjectNode input, boolean flatten) {
        return run(action, integration, input, flatten, 0);
    }

    /** @param depth how many data action runs this one is nested in (see {@link CallDepth}) */
    public Execution run(ActionDefinition action, IntegrationContext integration, ObjectNode input, boolean flatten,
                         int depth) {
        return run(action, integration, input, flatten, depth, null);
    }

    /**
     * @param onBehalfOf the agent the run is for, or null: calls to Rapport's own API name them and this action in
     *                   {@value Attribution#HEADER}; other destinations never see it
     */
    public Execution run(ActionDefinition action, IntegrationContext integration, ObjectNode input, boolean flatten,
                         int depth, OnBehalfOf onBehalfOf) {
        long started = System.nanoTime();
        long deadline = started + timeoutSeconds(action) * 1_000_000_000L;
        Run run = new Run(secretsOf(integration));
        Execution.Outcome outcome;
        try {
            outcome = steps(action, integration, input, flatten, deadline, run, depth,
                    Attribution.of(onBehalfOf, action.name()).orElse(null));
        } catch (StepFailed failed) {
            outcome = failed.timeout ? new Execution.TimedOut(failed.error) : new Execution.Failure(failed.error);
        }
        return new Execution(List.copyOf(run.steps), outcome, (System.nanoTime() - started) / 1_000_000);
    }

    private Execution.Outcome steps(ActionDefinition action, IntegrationContext integration, ObjectNode input,
                                    boolean flatten, long deadline, Run run, int depth, Attribution attribution) {
        List<GenesysError.Detail> invalid = contracts.violations(action.inputSchema(), input);
        if (!invalid.isEmpty()) {
            throw run.fail("validateInput", error(400, "action.input.invalid",
                    "the input does not match the action's input contract", invalid), false);
        }
        run.ok("validateInput", input);

        Map<String, Object> requestContext = TemplateContexts.request(input, integration.credentials());
        List<Object> inputStrings = TemplateContexts.inputStrings(requestContext);
        String url = run.render(templates, "resolveRequestUrlTemplate", "requestUrlTemplate",
                action.requestUrlTemplate(), requestContext, Insertion.URL, inputStrings);
        if (hasDotSegment(url)) {
            throw run.fail("resolveRequestUrlTemplate", error(400, "action.url.invalid",
                    "the rendered URL's path holds a '.' or '..' segment", List.of()), false);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> header : action.headers().entrySet()) {
                headers.put(header.getKey(),
                        templates.render("headers." + header.getKey(), header.getValue(), requestContext));
            }
        } catch (TemplateException e) {
            throw run.fail("resolveRequestHeaders", error(400, e.refused() ? "action.template.refused"
                    : "action.template.invalid", e.getMessage(), List.of()), false);
        }
        run.ok("resolveRequestHeaders", JSON.valueToTree(headers));
        String method = action.requestType();
        boolean json = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .allMatch(h -> h.getValue().toLowerCase(java.util.Locale.ROOT).contains("json"));
        String body = method.equals("GET") ? "" : run.render(templates, "resolveRequestTemplate", "requestTemplate",
                action.requestTemplate(), requestContext, json ? Insertion.JSON : Insertion.TEXT, inputStrings);

        RequestRouter.Route route;
        try {
            route = router.route(url, integration.integrationType());
        } catch (IllegalArgumentException e) {
            throw run.fail("executeRequest", error(400, "action.url.invalid", e.getMessage(), List.of()), false);
        }
        addAuthorization(route, integration, headers);
        // Rapport's own headers are the engine's, never a template's: a template forges neither depth nor attribution.
        headers.keySet().removeIf(h -> h.equalsIgnoreCase(CallDepth.HEADER) || h.equalsIgnoreCase(Attribution.HEADER));
        if (route.internal()) {
            headers.put(CallDepth.HEADER, Integer.toString(depth + 1));
            if (attribution != null) {
                headers.put(Attribution.HEADER, attribution.headerValue());
            }
        }
        if (!body.isEmpty() && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", "application/json");
        }
        OutboundHttp.Reply reply = call(new OutboundHttp.Call(method, route.uri(), headers, body, route.internal()),
                deadline, run);

        JsonNode response = parseResponse(reply, run);
        Map<String, JsonNode> translated;
        try {
            translated = translation.translate(response, action.translationMap(), action.translationMapDefaults());
        } catch (Translation.TranslationException e) {
            throw run.fail("applyTranslationMap", error(502, "action.translation.failed", e.getMessage(), List.of()),
                    false);
        }
        run.ok("applyTranslationMap", JSON.valueToTree(translated));

        JsonNode result = successTemplate(action, input, reply, response, translated, run);
        if (!(result instanceof ObjectNode output)) {
            throw run.fail("validateOutput", error(502, "action.output.invalid",
                    "the success template must produce a JSON object, not " + result.getNodeType(), List.of()), false);
        }
        List<GenesysError.Detail> broken = contracts.violations(action.successSchema(), output);
        if (!broken.isEmpty()) {
            throw run.fail("validateOutput", error(502, "action.output.invalid",
                    "the result does not match the action's success contract", broken), false);
        }
        run.ok("validateOutput", output);
        if (flatten) {
            output = Flattening.flatten(output);
            run.ok("flatten", output);
        }
        return new Execution.Success((ObjectNode) Masking.blankOut(output, run.secrets));
    }

    private void addAuthorization(RequestRouter.Route route, IntegrationContext integration, Map<String, String> headers) {
        if (headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))) {
            return;
        }
        if (route.internal()) {
            String token = internalToken.get();
            if (token != null && !token.isBlank()) {
                headers.put("Authorization", "Bearer " + token);
            }
        } else if ("basicAuth".equals(integration.credentialType())
                && integration.credentials().containsKey("userName")) {
            String pair = integration.credentials().get("userName") + ":"
                    + integration.credentials().getOrDefault("password", "");
            headers.put("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private OutboundHttp.Reply call(OutboundHttp.Call call, long deadline, Run run) {
        ObjectNode request = JSON.createObjectNode().put("method", call.method()).put("url", call.uri().toString());
        OutboundHttp.Reply reply;
        try {
            reply = http.send(call, deadline);
        } catch (DestinationPolicy.DestinationRefusedException e) {
            LOG.infof("Destination refused for %s: %s", origin(call.uri()), e.getMessage());
            throw run.fail("executeRequest", unreachable(call), false);
        } catch (OutboundHttp.ResponseTooLargeException e) {
            throw run.fail("executeRequest", error(502, "action.response.too.large", e.getMessage(), List.of()), false);
        } catch (HttpTimeoutException e) {
            throw run.fail("executeRequest", error(504, "action.timeout",
                    "the action did not complete within its timeout", List.of()), true);
        } catch (IOException e) {
            LOG.debugf("Calling %s failed: %s", origin(call.uri()), e);
            throw run.fail("executeRequest", unreachable(call), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw run.fail("executeRequest", error(503, "action.interrupted", "the call was interrupted", List.of()),
                    false);
        }
        request.put("status", reply.status());
        request.put("body", reply.body());
        if (reply.status() < 200 || reply.status() >= 300) {
            throw run.fail("executeRequest", error(reply.status(), "action.remote.error", "the remote endpoint answered "
                    + reply.status() + ": " + abbreviate(reply.body()), List.of()), false);
        }
        run.ok("executeRequest", request);
        return reply;
    }

    /**
     * One answer for a refused destination and for anything short of an HTTP answer (connection refused or reset, TLS
     * failure, a port that speaks another protocol), so the error cannot be used to map hosts and ports. The reason is
     * logged on the server.
     */
    private static GenesysError unreachable(OutboundHttp.Call call) {
        return error(502, "action.remote.unreachable", "could not call " + call.method() + " " + origin(call.uri())
                + ": the destination is not allowed by rapport.actions.allowed-destinations, or it gave no HTTP "
                + "answer", List.of());
    }

    private static String origin(java.net.URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static boolean hasDotSegment(String url) {
        String path = url.trim();
        int cut = path.length();
        for (char c : new char[] {'?', '#'}) {
            int at = path.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        path = path.substring(0, cut);
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        for (String segment : path.replace('\\', '/').split("/", -1)) {
            String s = segment.toLowerCase(java.util.Locale.ROOT).replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parseResponse(OutboundHttp.Reply reply, Run run) {
        String body = reply.body().trim();
        JsonNode response;
        try {
            response = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            // Some services (Google Cloud Functions) answer with a JSON string holding the JSON.
            if (response instanceof TextNode text && looksLikeJson(text.textValue())) {
                response = JSON.readTree(text.textValue());
            }
        } catch (IOException e) {
            throw run.fail("parseResponse", error(502, "action.response.invalid",
                    "the response is not JSON: " + abbreviate(body), List.of()), false);
        }
        run.ok("parseResponse", response);
        return response;
    }

    private JsonNode successTemplate(ActionDefinition action, ObjectNode input, OutboundHttp.Reply reply,
                                     JsonNode response, Map<String, JsonNode> translated, Run run) {
        String template = action.successTemplate();
        if (template == null || template.isBlank()) {
            JsonNode result = translated.isEmpty() ? response : JSON.valueToTree(translated);
            run.ok("resolveSuccessTemplate", result);
            return result;
        }
        String rawResult = reply.body().isBlank() ? "{}" : response.toString();
        String rendered = run.render(templates, "resolveSuccessTemplate", "successTemplate", template,
                TemplateContexts.success(input, translated, rawResult));
        try {
            return JSON.readTree(rendered);
        } catch (IOException e) {
            throw run.fail("resolveSuccessTemplate", error(502, "action.output.invalid",
                    "the success template did not produce JSON: " + e.getMessage(), List.of()), false);
        }
    }

    private static boolean looksLikeJson(String text) {
        String t = text.trim();
        return t.startsWith("{") || t.startsWith("[");
    }

    static GenesysError error(int status, String code, String message, List<GenesysError.Detail> details) {
        return new GenesysError(message, code, status, null, details);
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private static List<String> secretsOf(IntegrationContext integration) {
        List<String> secrets = new ArrayList<>();
        integration.credentials().values().stream().filter(v -> v != null && !v.isEmpty()).forEach(secrets::add);
        return secrets;
    }

    /** The steps of one run, with secret values blanked out of their results. */
    private final class Run {
        final List<Execution.Step> steps = new ArrayList<>();
        final List<String> secrets;

        Run(List<String> credentials) {
            List<String> values = new ArrayList<>(credentials);
            String token = internalToken.get();
            if (token != null && !token.isBlank()) {
                values.add(token);
            }
            this.secrets = Masking.forms(values);
        }

        void ok(String name, JsonNode result) {
            steps.add(new Execution.Step(steps.size() + 1, name, true, Masking.blankOut(result, secrets), null));
        }

        StepFailed fail(String name, GenesysError error, boolean timeout) {
            GenesysError masked = new GenesysError(Masking.blankOut(error.message(), secrets), error.code(),
                    error.status(), error.contextId(), error.details());
            steps.add(new Execution.Step(steps.size() + 1, name, false, null, masked));
            throw new StepFailed(masked, timeout);
        }

        String render(TemplateRenderer renderer, String step, String what, String template, Map<String, Object> ctx) {
            return render(renderer, step, what, template, ctx, Insertion.TEXT, List.of());
        }

        String render(TemplateRenderer renderer, String step, String what, String template, Map<String, Object> ctx,
                      Insertion insertion, List<Object> inputs) {
            try {
                String rendered = renderer.render(what, template, ctx, insertion, inputs);
                ok(step, TextNode.valueOf(rendered));
                return rendered;
            } catch (TemplateException e) {
                throw fail(step, error(400, e.refused() ? "action.template.refused" : "action.template.invalid",
                        e.getMessage(), List.of()), false);
            }
        }
    }

    private static final class StepFailed extends RuntimeException {
        final GenesysError error;
        final boolean timeout;

        StepFailed(GenesysError error, boolean timeout) {
            super(error.message(), null, false, false);
            this.error = error;
            this.timeout = timeout;
        }
    }
}
