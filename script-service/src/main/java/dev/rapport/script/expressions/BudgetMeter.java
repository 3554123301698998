package dev.rapport.script.expressions;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spending of one evaluation against its {@link ExpressionBudget}. Not thread-safe: one per evaluation. Every
 * value the evaluation creates passes through here, so a bomb is refused before it is built, not after.
 */
final class BudgetMeter {
    private static final int CLOCK_EVERY = 64;
    private static final long BYTES_PER_ITEM = 16;

    private final ExpressionBudget budget;
    private final long deadline;
    private int steps;
    private long allocated;
    /** Items and characters (as text) of the lists seen, so a list nested many times is measured once. */
    private final Map<List<?>, Size> sizes = new IdentityHashMap<>();

    /** {@code chars}: a lower bound of the list's length as text (commas, and at least one character per scalar). */
    private record Size(long items, long chars) {
        static Size of(Object scalar) {
            return new Size(0, scalar == null ? 0 : scalar instanceof String s ? s.length() : 1);
        }
    }

    BudgetMeter(ExpressionBudget budget) {
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.maxDuration().toNanos();
    }

    ExpressionBudget budget() {
        return budget;
    }

    static ExpressionException exceeded(String what) {
        return new ExpressionException("budget exceeded: " + what);
    }

    static ExpressionException tooLong(int max) {
        return exceeded("a string longer than " + max + " characters");
    }

    void step() {
        if (++steps > budget.maxSteps()) {
            throw exceeded("the expression took more than " + budget.maxSteps() + " steps");
        }
        if (steps % CLOCK_EVERY == 0) {
            checkClock();
        }
    }

    void checkClock() {
        if (System.nanoTime() - deadline > 0) {
            throw exceeded("the expression took longer than " + budget.maxDuration().toMillis() + " ms");
        }
    }

    /** Refuses a string of {@code length} characters before it is built. */
    void ensureLength(long length) {
        if (length > budget.maxStringLength()) {
            throw tooLong(budget.maxStringLength());
        }
    }

    String string(String s) {
        ensureLength(s.length());
        allocate(2L * s.length());
        return s;
    }

    List<Object> list(List<Object> items) {
        measure(items);
        allocate(BYTES_PER_ITEM * items.size());
        return items;
    }

    /**
     * Items (nested lists' items included) and text length of a list, measured once per list, stopping as soon as it
     * is over the budget: a list that holds the same list twice, doubled forty times, is refused at the bound.
     */
    private Size measure(List<?> list) {
        Size known = sizes.get(list);
        if (known != null) {
            return known;
        }
        long count = list.size();
        long chars = Math.max(0, list.size() - 1);
        checkList(count, chars);
        for (Object item : list) {
            Size size = item instanceof List<?> l ? measure(l) : Size.of(item);
            count += size.items();
            chars += size.chars();
            checkList(count, chars);
        }
        Size size = new Size(count, chars);
        sizes.put(list, size);
        return size;
    }

    /** Refuses a list of {@code items} items before it is built (a list being filled checks each item it adds). */
    void ensureItems(long items) {
        checkList(items, 0);
    }

    /** At least how long the value is as text; refuses a list longer than a string may be. */
    long minTextLength(Object v) {
        return v instanceof List<?> l ? measure(l).chars() : Size.of(v).chars();
    }

    private void checkList(long items, long chars) {
        if (items > budget.maxListItems()) {
            throw exceeded("a list of more than " + budget.maxListItems() + " items");
        }
        if (chars > budget.maxStringLength()) {
            throw exceeded("a list longer than " + budget.maxStringLength() + " characters as text");
        }
    }

    void allocate(long bytes) {
        allocated += bytes;
        if (allocated > budget.maxAllocatedBytes()) {
            throw exceeded("the expression allocated more than " + budget.maxAllocatedBytes() + " bytes");
        }
    }

    /** A value as interpolated text, built no longer than a string may be (a string is passed as it is). */
    String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        ensureLength(minTextLength(v));
        return string(MathJsValues.text(v, budget.maxStringLength(), this));
    }

    /** A value as math.js format() prints it, built no longer than a string may be. */
    String format(Object v) {
        ensureLength(minTextLength(v));
        return string(MathJsValues.format(v, budget.maxStringLength(), this));
    }

    /** The text, read by a regular-expression matcher that stops when the deadline passes. */
    CharSequence watched(String s) {
        return new WatchedText(s, this);
    }

    private static final class WatchedText implements CharSequence {
        private final String text;
        private final BudgetMeter meter;
        private int reads;

        WatchedText(String text, BudgetMeter meter) {
            this.text = text;
            this.meter = meter;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xF) == 0) { // a read can cost a step of every live thread of the matcher
                meter.checkClock();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
