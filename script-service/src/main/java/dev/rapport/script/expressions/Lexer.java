package dev.rapport.script.expressions;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. New lines outside brackets separate statements, as in math.js. */
final class Lexer {
    private static final java.util.Set<String> TWO_CHAR_OPS = java.util.Set.of("==", "!=", "<=", ">=");
    private static final String ONE_CHAR_OPS = "+-*/%^()[],?:;=<>";

    private Lexer() {
    }

    static List<Token> tokens(String s) {
        int lone = Strings.loneSurrogate(s);
        if (lone >= 0) {
            throw new ExpressionException("a lone surrogate (" + Strings.codePoint(s.charAt(lone))
                    + ") is not text (at character " + (lone + 1) + ")");
        }
        List<Token> out = new ArrayList<>();
        int i = 0;
        int brackets = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n' && brackets == 0) {
                out.add(new Token(Token.Kind.OP, ";", 0, i++));
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int end = s.indexOf("}}", i + 2);
                if (end < 0) {
                    throw new ExpressionException("'{{' is not closed by '}}' (at character " + (i + 1) + ")");
                }
                out.add(new Token(Token.Kind.REF, s.substring(i + 2, end).trim(), 0, i));
                i = end + 2;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                i = number(s, i, out);
            } else if (c == '"' || c == '\'') {
                i = string(s, i, out);
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(Token.Kind.NAME, s.substring(start, i), 0, start));
            } else if (i + 1 < s.length() && TWO_CHAR_OPS.contains(s.substring(i, i + 2))) {
                out.add(new Token(Token.Kind.OP, s.substring(i, i + 2), 0, i));
                i += 2;
            } else if (ONE_CHAR_OPS.indexOf(c) >= 0) {
                if (c == '(' || c == '[') {
                    brackets++;
                } else if (c == ')' || c == ']') {
                    brackets--;
                }
                out.add(new Token(Token.Kind.OP, String.valueOf(c), 0, i++));
            } else {
                int cp = s.codePointAt(i);
                String shown = Character.isISOControl(cp) ? "" : "'" + new String(Character.toChars(cp)) + "' ";
                throw new ExpressionException(shown + "(" + Strings.codePoint(cp) + ") is not allowed in an expression"
                        + " (at character " + (i + 1) + "); member access, bitwise operators and factorials are not"
                        + " supported");
            }
        }
        out.add(new Token(Token.Kind.END, "", 0, s.length()));
        return out;
    }

    private static int number(String s, int start, List<Token> out) {
        int i = start;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            i += 2;
            while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
                i++;
            }
            String text = s.substring(start, i);
            if (!NumberText.isHex(text)) {
                throw new ExpressionException("'" + Strings.excerpt(text) + "' "
                        + (text.length() == 2 ? "needs hexadecimal digits" : "is out of range: at most 13 hexadecimal digits")
                        + " (at character " + (start + 1) + ")");
            }
            out.add(new Token(Token.Kind.NUMBER, text, Long.parseLong(text.substring(2), 16), start));
            return i;
        }
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < s.length() && Character.isDigit(s.charAt(j))) {
                i = j;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
        String text = s.substring(start, i);
        if (!NumberText.isDecimal(text)) {
            throw new ExpressionException("'" + Strings.excerpt(text) + "' is not a number (at character " + (start + 1) + ")");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new ExpressionException("'" + Strings.excerpt(text) + "' is out of range for a number (at character "
                    + (start + 1) + "); write Infinity if that is meant");
        }
        out.add(new Token(Token.Kind.NUMBER, text, value, start));
        return i;
    }

    private static int string(String s, int start, List<Token> out) {
        char quote = s.charAt(start);
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case 'u' -> {
                        text.append(unicodeEscape(s, i));
                        i += 4;
                    }
                    default -> text.append(e);
                }
            } else {
                text.append(c);
            }
            i++;
        }
        if (i >= s.length()) {
            throw new ExpressionException("the string starting at character " + (start + 1) + " is not closed");
        }
        int lone = Strings.loneSurrogate(text);
        if (lone >= 0) {
            throw new ExpressionException("the string starting at character " + (start + 1) + " holds a lone surrogate ("
                    + Strings.codePoint(text.charAt(lone)) + "); write both halves of the pair (at character "
                    + (start + 1) + ")");
        }
        out.add(new Token(Token.Kind.STRING, text.toString(), 0, start));
        return i + 1;
    }

    /** The character of the {@code \\uXXXX} escape whose {@code u} is at {@code at}. */
    private static char unicodeEscape(String s, int at) {
        int value = 0;
        for (int k = 1; k <= 4; k++) {
            int digit = at + k < s.length() ? Character.digit(s.charAt(at + k), 16) : -1;
            if (digit < 0) {
                throw new ExpressionException("bad \\u escape: \\u needs four hexadecimal digits (at character "
                        + (at + 1) + ")");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }
}
