package dev.rapport.action.templates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounds what a single method call of a template can cost. Java's String methods run to completion once called, so
 * the ones that can make a string many times larger than their inputs are checked before they run, and the ones that
 * take a regular expression run against a {@link CharSequence} that checks the render deadline at every character
 * read (a catastrophic backtracking pattern then stops at the deadline instead of running for minutes).
 */
final class StringBudget {
    private StringBudget() {
    }

    static boolean isRegex(String method, Object[] params) {
        return switch (method) {
            case "matches", "replaceAll", "replaceFirst", "split" -> params.length >= 1 && params[0] instanceof String;
            default -> false;
        };
    }

    static Object regex(String text, String method, Object[] params) {
        Pattern pattern = Pattern.compile((String) params[0]);
        Matcher matcher = pattern.matcher(new DeadlineText(text));
        return switch (method) {
            case "matches" -> matcher.matches();
            case "replaceAll", "replaceFirst" -> {
                String replacement = String.valueOf(params[1]);
                checkPlanned(text, "replace", new Object[] {"", replacement});
                yield method.equals("replaceAll") ? matcher.replaceAll(replacement) : matcher.replaceFirst(replacement);
            }
            default -> params.length > 1 && params[1] instanceof Number limit
                    ? pattern.split(new DeadlineText(text), limit.intValue())
                    : pattern.split(new DeadlineText(text));
        };
    }

    /** Refuses a call whose result could exceed the size cap. */
    static void checkPlanned(Object target, String method, Object[] params) {
        long length = target instanceof CharSequence c ? c.length() : 0;
        switch (method) {
            case "repeat" -> {
                if (params.length == 1 && params[0] instanceof Number n) {
                    RenderDeadline.checkPlannedSize(length * Math.max(0, n.longValue()));
                }
            }
            case "replace" -> {
                if (params.length == 2) {
                    long replacement = String.valueOf(params[1]).length();
                    RenderDeadline.checkPlannedSize(replacement <= 1 ? length : (length + 1) * replacement + length);
                }
            }
            default -> {
                long total = length;
                for (Object p : params) {
                    if (p instanceof CharSequence c) {
                        total += c.length();
                    }
                }
                // escapes and encodings grow their input at most 6 times (\\uXXXX); refuse what cannot fit
                RenderDeadline.checkPlannedSize(total);
            }
        }
    }

    /** Text whose every read checks the render deadline. */
    private record DeadlineText(CharSequence text) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            RenderDeadline.check();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineText(text.subSequence(start, end));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
