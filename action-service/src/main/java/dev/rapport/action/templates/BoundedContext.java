package dev.rapport.action.templates;

import java.util.Map;
import org.apache.velocity.VelocityContext;

/** A context that refuses to store (by {@code #set} or a loop variable) a string over the size cap, and checks time. */
final class BoundedContext extends VelocityContext {

    BoundedContext(Map<String, Object> values) {
        super(values);
    }

    @Override
    public Object internalPut(String key, Object value) {
        RenderDeadline.checkSize(value);
        RenderDeadline.check();
        return super.internalPut(key, value);
    }
}
