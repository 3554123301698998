package dev.rapport.script.expressions;

/** One lexical token; {@code at} is its offset in the source, for error messages. */
record Token(Kind kind, String text, double number, int at) {
    enum Kind { NUMBER, STRING, NAME, REF, OP, END }
}
