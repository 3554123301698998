package dev.rapport.action.templates;

import java.io.Writer;

/** A StringBuilder writer that refuses to grow past a cap, so a template cannot fill the heap. */
final class BoundedWriter extends Writer {
    private final StringBuilder out = new StringBuilder();
    private final int max;

    BoundedWriter(int max) {
        this.max = max;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        if (out.length() + len > max) {
            throw new TemplateException("template output is larger than " + max + " characters", true, null);
        }
        RenderDeadline.check();
        out.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
        if (out.length() + len > max) {
            throw new TemplateException("template output is larger than " + max + " characters", true, null);
        }
        RenderDeadline.check();
        out.append(str, off, off + len);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** What was written so far (read it, do not change it). */
    StringBuilder buffer() {
        return out;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
