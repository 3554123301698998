package dev.rapport.script.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed expressions: each is refused with an {@link ExpressionException} whose message says what is
 * wrong (and, for a parse error, at which character), within the time budget; never another RuntimeException, a
 * StackOverflowError or an OutOfMemoryError.
 */
class HostileInputTest {
    static final long FAST_NANOS = 1_000_000_000L;

    @BeforeAll
    static void warmUp() {
        Expression.parse("equalText(concat('a', string(round(2.5))), 'a3')").evaluate(Map.of());
    }

    /** expression, a fragment of the expected message, whether the message names a character position. */
    static Stream<Arguments> corpus() {
        return Stream.of(
                parse("0x", "hexadecimal digits"),
                parse("0xG1", "hexadecimal digits"),
                parse("0x" + "F".repeat(20), "out of range"),
                parse("1e999999", "out of range"),
                parse("-1e400 + 1", "out of range"),
                parse("\"\\uZZZZ\"", "\\u escape"),
                parse("'\\u12'", "\\u escape"),
                parse("'\\u'", "\\u escape"),
                parse("\"abc", "not closed"),
                parse("'abc\\'", "not closed"),
                parse("\"\\uD800\"", "lone surrogate"),
                parse("'\\uDC00x'", "lone surrogate"),
                parse("'a\uD800b'", "lone surrogate"),
                parse("1 + \uDC00", "lone surrogate"),
                parse("\uD835\uDCB3 + 1", "U+1D4B3"),
                parse("1 + \u0000", "not allowed"),
                parse("@", "not allowed"),
                parse("(".repeat(300) + "1" + ")".repeat(300), "nested deeper"),
                parse("[".repeat(300) + "1" + "]".repeat(300), "nested deeper"),
                parse("-".repeat(300) + "1", "nested deeper"),
                parse("not ".repeat(300) + "1", "nested deeper"),
                parse("2^".repeat(300) + "2", "nested deeper"),
                parse("a=".repeat(300) + "1", "nested deeper"),
                parse("1 ? 1 : ".repeat(300) + "1", "nested deeper"),
                parse("f(".repeat(300) + "1", "nested deeper"),
                parse("1+".repeat(1500) + "1", "nested deeper"),
                parse("1 and ".repeat(600) + "1", "nested deeper"),
                plain("x".repeat(5000), "longer than 4000"),
                plain("   ", "empty"),
                parse("{{", "not closed by"),
                parse("1 +", "ends too early"),
                parse(")", "unexpected ')'"),
                parse("1 2", "expected ';'"),
                parse("1..2", "is not a number"),
                plain("number('" + "1".repeat(500) + "')", "longer than 400 characters"),
                plain("'" + "9".repeat(1000) + "x' + 1", "longer than 400 characters"),
                plain("round(1, 99)", "decimals"),
                plain("match('a', '(')", "invalid regular expression"),
                plain("match('a', '((a{1000}){1000}){1000}')", "regular expression is too large"),
                plain("match('a', '(((a{100}){100}){100})*')", "regular expression is too large"),
                plain("dateToMilliseconds('+999999999-12-31T23:59:59Z')", "out of range"),
                plain("formatDate(0, 'yyyy-MM-dd QQQQQQ')", "invalid date pattern"),
                plain("toNumber('" + "1".repeat(500) + "')", "longer than 400 characters"),
                plain("getAt([1], 1e300)", "index 1e+300 is not in the list"),
                plain("getAt([1], 0/0)", "index NaN is not in the list"),
                plain("count([[1, 2], [3]])", "Dimension mismatch"),
                plain("e164('1', '" + "1".repeat(3_000) + "')", "is not 1 to 3 digits"),
                plain("e164('1', '\uD83D\uDE00')", "is not 1 to 3 digits"),
                plain("Substring('abc', 0, 1)", "write substr"),
                plain("s = ','; " + "s = concat(s, s); ".repeat(14) + "split(s, ',')", "a list of more than 10000"),
                plain("s = 'aaaaaaaaaa'; " + "s = concat(s, s); ".repeat(13) + "split(s, '')",
                        "a list of more than 10000"),
                plain("s = 'aaaaaaaaaa'; " + "s = concat(s, s); ".repeat(13) + "replaceAll(s, 'a', 'aa')",
                        "a string longer than 100000"),
                plain("{{Missing}}", "unknown variable"),
                plain("x + 1", "Undefined symbol"));
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Arguments parse(String source, String fragment) {
        return Arguments.of(source, fragment, true);
    }

    private static Arguments plain(String source, String fragment) {
        return Arguments.of(source, fragment, false);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("corpus")
    void isRefusedClearlyAndQuickly(String source, String fragment, boolean positioned) {
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> Expression.parse(source).evaluate(Map.of()));
        long took = System.nanoTime() - start;

        assertThat(thrown).isInstanceOf(ExpressionException.class).hasMessageContaining(fragment);
        if (positioned) {
            assertThat(thrown.getMessage()).containsPattern("at character \\d+");
        }
        assertThat(hasLoneSurrogate(thrown.getMessage())).as("a lone surrogate in the message").isFalse();
        assertThat(took).as("nanoseconds to refuse").isLessThan(FAST_NANOS);
    }
}
