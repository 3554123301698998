package dev.rapport.script.expressions;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Regular expressions on RE2/J: matching is linear in the text, but its cost is also proportional to the compiled
 * program, and counted repetitions multiply (a nested {@code {1000}} three deep is a billion instructions, which RE2/J
 * would try to allocate). So a pattern's program size is estimated from its text before it is compiled, and the text is
 * read through the evaluation's deadline.
 */
final class Regexes {
    static final int MAX_PATTERN = 1_000;
    /** Estimated instructions; realistic validation patterns stay far below. */
    static final long MAX_PROGRAM = 10_000;

    private Regexes() {
    }

    static Pattern compile(String regex) {
        if (regex.length() > MAX_PATTERN) {
            throw new ExpressionException("the regular expression is longer than " + MAX_PATTERN + " characters");
        }
        if (programSize(regex) > MAX_PROGRAM) {
            throw new ExpressionException("the regular expression is too large: its repetitions expand to more than "
                    + MAX_PROGRAM + " steps; use * or + instead of large counts");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ExpressionException("invalid regular expression: " + Strings.withoutLoneSurrogates(e.getMessage())
                    + " (back-references and look-arounds are not supported: matching runs in linear time)");
        }
    }

    /** Whether the pattern matches anywhere in the text; stops with "budget exceeded" at the deadline. */
    static boolean find(Pattern pattern, String text, BudgetMeter meter) {
        int max = meter.budget().maxStringLength();
        if (text.length() > max) {
            throw BudgetMeter.exceeded("a text longer than " + max + " characters to match");
        }
        return pattern.matcher(meter.watched(text)).find();
    }

    /** Whether the pattern matches the whole text, under the default budget. */
    static boolean fullMatch(Pattern pattern, String text) {
        BudgetMeter meter = new BudgetMeter(ExpressionBudget.DEFAULT);
        if (text.length() > ExpressionBudget.DEFAULT.maxStringLength()) {
            return false;
        }
        return pattern.matcher(meter.watched(text)).matches();
    }

    /**
     * An upper estimate of the compiled program: one per literal, class or operator, a group the sum of its parts, and
     * {@code x{n,m}} as max(n, m) + 1 copies of x. Saturates instead of overflowing.
     */
    static long programSize(String re) {
        Deque<long[]> groups = new ArrayDeque<>();
        long total = 0;
        long last = 0;
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (c == '\\') {
                i = skipEscape(re, i);
                last = 1;
                total = add(total, 1);
            } else if (c == '[') {
                i = skipClass(re, i);
                last = 1;
                total = add(total, 1);
            } else if (c == '(') {
                groups.push(new long[] {total});
                total = 0;
                last = 0;
                i++;
            } else if (c == ')' && !groups.isEmpty()) {
                long group = add(total, 2);
                total = add(groups.pop()[0], group);
                last = group;
                i++;
            } else if (c == '{' && repeat(re, i) >= 0) {
                long copies = repeat(re, i);
                total = add(total, mul(last, copies));
                last = mul(last, copies + 1);
                i = re.indexOf('}', i) + 1;
            } else {
                last = 1;
                total = add(total, 1);
                i++;
            }
            if (total > MAX_PROGRAM * 100) {
                return total;
            }
        }
        while (!groups.isEmpty()) {
            total = add(groups.pop()[0], total);
        }
        return total;
    }

    /** max(n, m) of a {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at}, or -1 when it is a literal brace. */
    private static long repeat(String re, int at) {
        int close = re.indexOf('}', at);
        if (close < 0 || close - at > 12) {
            return -1;
        }
        String[] bounds = re.substring(at + 1, close).split(",", -1);
        long max = -1;
        for (String bound : bounds) {
            if (!bound.isEmpty() && !bound.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return -1;
            }
            max = Math.max(max, bound.isEmpty() ? 0 : Long.parseLong(bound));
        }
        return bounds.length > 2 || bounds[0].isEmpty() ? -1 : max;
    }

    private static int skipEscape(String re, int at) {
        int i = at + 1;
        if (i + 1 < re.length() && "pPx".indexOf(re.charAt(i)) >= 0 && re.charAt(i + 1) == '{') {
            int close = re.indexOf('}', i);
            return close < 0 ? re.length() : close + 1;
        }
        return Math.min(i + 1, re.length());
    }

    private static int skipClass(String re, int at) {
        int i = at + 1;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            i++;
        }
        while (i < re.length() && re.charAt(i) != ']') {
            if (re.charAt(i) == '\\') {
                i++;
            } else if (re.startsWith("[:", i)) {
                int close = re.indexOf(":]", i + 2);
                i = close < 0 ? i : close + 1;
            }
            i++;
        }
        return Math.min(i + 1, re.length());
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long mul(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
