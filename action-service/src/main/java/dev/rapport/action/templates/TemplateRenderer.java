package dev.rapport.action.templates;

import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.exception.MethodInvocationException;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.resource.loader.StringResourceLoader;

/**
 * Renders the Velocity templates of data actions in a sandbox: secure introspection ({@link SandboxUberspector}), no
 * file or class-path loading (string loader only, so {@code #parse}/{@code #include} find nothing), a loop cap, a
 * template size cap, an output cap and a wall-clock limit. Parsed templates are cached by their text.
 */
public class TemplateRenderer {
    private static final int CACHE_SIZE = 2048;

    private final RuntimeInstance velocity = new RuntimeInstance();
    private final TemplateLimits limits;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    public TemplateRenderer(TemplateLimits limits) {
        this.limits = limits;
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SandboxUberspector.class.getName());
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
        p.setProperty("resource.loader.string.class", StringResourceLoader.class.getName());
        p.setProperty(RuntimeConstants.MAX_NUMBER_LOOPS, Integer.toString(limits.maxLoops() + 1));
        p.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, "false");
        velocity.init(p);
    }

    public TemplateLimits limits() {
        return limits;
    }

    /**
     * @param name    what the template is (requestTemplate, successTemplate...), for error messages
     * @param context the values it may use; only maps, lists, strings, numbers, booleans and our tools
     */
    public String render(String name, String template, Map<String, Object> context) {
        return render(name, template, context, Insertion.TEXT, java.util.Set.of());
    }

    /**
     * @param insertion how values of {@code inputs} are made safe where they land (see {@link Insertion})
     * @param inputs    the input's string values, recognised by identity
     */
    public String render(String name, String template, Map<String, Object> context, Insertion insertion,
                         java.util.Collection<?> inputs) {
        if (template == null || template.isEmpty()) {
            return "";
        }
        if (template.length() > limits.maxTemplateChars()) {
            throw new TemplateException(name + " is larger than " + limits.maxTemplateChars() + " characters", true, null);
        }
        Template compiled = parsed.get(template);
        if (compiled == null) {
            compiled = parse(name, template);
            if (parsed.size() >= CACHE_SIZE) {
                parsed.clear();
            }
            parsed.put(template, compiled);
        }
        BoundedWriter out = new BoundedWriter(limits.maxOutputChars());
        RenderDeadline.start(System.nanoTime() + limits.maxRenderTime().toNanos(), limits.maxLoops(),
                limits.maxOutputChars());
        try {
            VelocityContext bounded = new BoundedContext(new java.util.HashMap<>(context));
            EventCartridge events = new EventCartridge();
            events.addEventHandler(new InsertionGuard(insertion, new java.util.ArrayList<>(inputs), out));
            events.attachToContext(bounded);
            compiled.merge(bounded, out);
            return out.toString();
        } catch (TemplateException e) {
            throw e;
        } catch (MethodInvocationException e) {
            if (e.getCause() instanceof TemplateException te) {
                throw te;
            }
            throw new TemplateException(name + ": " + e.getMessage(), false, e);
        } catch (VelocityException e) {
            if (e.getCause() instanceof TemplateException te) {
                throw te;
            }
            String message = e.getMessage();
            boolean refused = message != null && message.contains("Max number of loops");
            throw new TemplateException(name + ": " + message, refused, e);
        } catch (RuntimeException e) {
            throw new TemplateException(name + ": " + e, false, e);
        } finally {
            RenderDeadline.clear();
        }
    }

    /** @throws TemplateException when {@code template} is not valid Velocity or over the size cap */
    public void check(String name, String template) {
        if (template == null || template.isEmpty()) {
            return;
        }
        if (template.length() > limits.maxTemplateChars()) {
            throw new TemplateException(name + " is larger than " + limits.maxTemplateChars() + " characters", true, null);
        }
        parse(name, template);
    }

    /**
     * Velocity builds a range {@code [a..b]} as a list before any loop step runs, so a range is refused at parse time
     * unless its bounds are literals at most the loop budget apart.
     */
    private void checkRanges(String name, org.apache.velocity.runtime.parser.node.Node node) {
        if (node instanceof org.apache.velocity.runtime.parser.node.ASTIntegerRange) {
            Long from = literal(node.jjtGetChild(0));
            Long to = literal(node.jjtGetChild(1));
            if (from == null || to == null || Math.abs(to - from) + 1 > limits.maxLoops()) {
                throw new TemplateException(name + ": a range [a..b] needs literal bounds at most " + limits.maxLoops()
                        + " apart (line " + node.getLine() + ")", true, null);
            }
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            checkRanges(name, node.jjtGetChild(i));
        }
    }

    private static Long literal(org.apache.velocity.runtime.parser.node.Node node) {
        try {
            return Long.parseLong(node.literal().trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Template parse(String name, String source) {
        Template template = new Template();
        template.setName(name);
        template.setRuntimeServices(velocity);
        try {
            org.apache.velocity.runtime.parser.node.SimpleNode root = velocity.parse(new StringReader(source), template);
            checkRanges(name, root);
            template.setData(root);
            template.initDocument();
            return template;
        } catch (ParseException | ParseErrorException e) {
            throw new TemplateException(name + " is not a valid Velocity template: " + e.getMessage(), false, e);
        }
    }
}
