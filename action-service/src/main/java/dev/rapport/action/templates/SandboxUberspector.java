package dev.rapport.action.templates;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Set;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;

/**
 * Velocity's SecureUberspector, stricter: a template that reaches for Java's class machinery is refused outright
 * (SecureUberspector alone renders such a reference as text, which hides the attempt), and every method call and loop
 * step checks the render deadline.
 */
public class SandboxUberspector extends SecureUberspector {
    private static final Set<String> REFUSED_METHODS = Set.of("getClass", "forName", "getClassLoader", "newInstance",
            "getDeclaredMethod", "getMethod", "invoke", "getRuntime", "exec", "wait", "notify", "notifyAll");

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info i) {
        refuseInternals(obj, methodName, i);
        VelMethod method = super.getMethod(obj, methodName, args, i);
        return method == null ? null : new DeadlineCheckedMethod(method);
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info i) {
        refuseInternals(obj, "class".equals(identifier) ? "getClass" : identifier, i);
        return super.getPropertyGet(obj, identifier, i);
    }

    @Override
    public Iterator getIterator(Object obj, Info i) {
        Iterator<?> iterator = super.getIterator(obj, i);
        if (iterator == null) {
            return null;
        }
        return new Iterator<Object>() {
            @Override
            public boolean hasNext() {
                RenderDeadline.check();
                return iterator.hasNext();
            }

            @Override
            public Object next() {
                RenderDeadline.loopStep();
                return iterator.next();
            }
        };
    }

    private static void refuseInternals(Object obj, String name, Info i) {
        if (obj instanceof Class<?> || obj instanceof ClassLoader || obj instanceof Thread
                || REFUSED_METHODS.contains(name)) {
            throw new TemplateException("template refers to Java internals ('" + name + "' at "
                    + (i == null ? "?" : i.getLine() + ":" + i.getColumn()) + "); data action templates may only use "
                    + "their inputs, values and tools", true, null);
        }
    }

    /**
     * A method call under the rendering's budgets: time checked before; string operations that multiply their input
     * ({@code repeat}, {@code replace}...) refused before they run when their result could be over the size cap;
     * regular expressions run against text that checks the clock at every character; every result size-checked.
     */
    private record DeadlineCheckedMethod(VelMethod delegate) implements VelMethod {
        @Override
        public Object invoke(Object o, Object[] params) throws IllegalAccessException, InvocationTargetException {
            RenderDeadline.check();
            Object result;
            if (o instanceof String text && StringBudget.isRegex(delegate.getMethodName(), params)) {
                result = StringBudget.regex(text, delegate.getMethodName(), params);
            } else {
                StringBudget.checkPlanned(o, delegate.getMethodName(), params);
                result = delegate.invoke(o, params);
            }
            RenderDeadline.checkSize(result);
            RenderDeadline.check();
            return result;
        }

        @Override
        public boolean isCacheable() {
            return delegate.isCacheable();
        }

        @Override
        public String getMethodName() {
            return delegate.getMethodName();
        }

        @Override
        public Method getMethod() {
            return delegate.getMethod();
        }

        @Override
        public Class<?> getReturnType() {
            return delegate.getReturnType();
        }
    }
}
