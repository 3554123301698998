package dev.rapport.script.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operators, functions and references of dynamic-variable expressions. */
class ExpressionTest {
    private static final Map<String, Object> VARS = new HashMap<>();

    static {
        VARS.put("Customer Name", "Ada Lovelace");
        VARS.put("Age", 36.0);
        VARS.put("VIP", true);
        VARS.put("Count", 7);
        VARS.put("Services", List.of("Insurance", "Childcare"));
        VARS.put("Scripter.Customer Call Duration", "00:01:30");
        VARS.put("Empty", null);
    }

    private static Object eval(String source) {
        return Expression.parse(source).evaluate(VARS);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "7 / 2 | 3.5", "2 ^ 3 | 8.0", "-2 ^ 2 | -4.0", "2 ^ -1 | 0.5", "2 ^ 3 ^ 2 | 512.0", "7 % 3 | 1.0",
            "-7 % 3 | 2.0", "7 mod 3 | 1.0", "5 % 0 | 5.0", "1 + 2 * 3 | 7.0", "(1 + 2) * 3 | 9.0", "10 - 4 - 3 | 3.0",
            "'3' + 4 | 7.0", "\"5\" * \"2\" | 10.0", "true + 1 | 2.0", "0x10 | 16.0", "1e3 | 1000.0", ".5 + 1 | 1.5",
            "{{Age}} + 1 | 37.0", "{{Count}} * 2 | 14.0", "x = 5; y = x + 2; x | 5.0", "x = 5; y = x + 2; y | 7.0",
            "a = 2; a ^ 10 | 1024.0", "round(2.5) | 3.0", "round(-2.5) | -3.0", "round(3.14159, 2) | 3.14",
            "round(1.005, 2) | 1.01", "floor(0.1 * 3 * 10) | 3.0", "floor(-1.5) | -2.0", "ceil(1.2) | 2.0",
            "fix(-1.7) | -1.0", "abs(-3) | 3.0", "min(4, 2, 8) | 2.0", "max(4, 2, 8) | 8.0", "sum(1, 2, 3) | 6.0",
            "mean(1, 2, 3) | 2.0", "sqrt(16) | 4.0", "pow(2, 10) | 1024.0", "number('12.5') | 12.5",
            "number(true) | 1.0", "indexOf('hello', 'l') | 2.0", "sign(-4) | -1.0",
            "dateToMilliseconds('1970-01-02T00:00:00Z') | 8.64E7", "durationToMilliseconds('01:02:03') | 3723000.0",
            "durationToMilliseconds({{Scripter.Customer Call Duration}}) | 90000.0", "compareText('a', 'b') | -1.0"})
    void numbers(String source, double expected) {
        assertThat(eval(source)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "1 < 2 | true", "2 <= 2 | true", "3 > 4 | false", "3 >= 4 | false", "1 == 1 | true", "1 != 1 | false",
            "0.1 + 0.2 == 0.3 | true", "'1' == 1 | true", "1 < 2 < 3 | true", "3 > 2 > 1 | true", "1 < 3 < 2 | false",
            "true and false | false", "true or false | true", "not true | false", "not 0 | true", "1 xor 1 | false",
            "5 xor 0 | true", "{{VIP}} and {{Age}} > 30 | true", "not {{VIP}} or {{Age}} < 30 | false",
            "equalText('abc', 'abc') | true", "equalText('abc', 'ABC') | false", "contains('hello', 'ell') | true",
            "contains({{Services}}, 'Childcare') | true", "contains({{Services}}, 'Dental') | false",
            "match('AB-123', '^[A-Z]+-[0-9]+$') | true", "match('ab', '^[0-9]+$') | false", "boolean('true') | true",
            "boolean(0) | false", "equal(2, 2) | true", "unequal(2, 3) | true", "larger(3, 2) | true",
            "smaller(3, 2) | false", "largerEq(2, 2) | true", "smallerEq(2, 1) | false"})
    void booleans(String source, boolean expected) {
        assertThat(eval(source)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "'single' | single", "\"double\" | double", "'a\\'b' | a'b",
            "{{Customer Name}} | Ada Lovelace", "upper({{Customer Name}}) | ADA LOVELACE", "lower('AbC') | abc",
            "concat('Hi ', {{Customer Name}}, '!') | Hi Ada Lovelace!", "concat('n=', 1.5) | n=1.5",
            "substring('hello', 1, 3) | el", "substring('hello', 3, 1) | el", "substring('hello', 2) | llo",
            "slice('hello', -3) | llo", "slice('hello', 1, -1) | ell", "replace('a-b-c', '-', '+') | a+b-c",
            "ifElse({{Age}} > 18, 'adult', 'minor') | adult", "{{Age}} > 40 ? 'old' : 'young' | young",
            "string(123456) | 1.23456e+5", "string(1234) | 1234", "string(0.0001) | 1e-4", "string(1/3) | 0.3333333333333333",
            "string(true) | true", "string(7/2) | 3.5", "formatDate(0, 'MM/dd/yyyy HH:mm') | 01/01/1970 00:00",
            "formatDateISO(86400000) | 1970-01-02T00:00:00Z", "formatDuration(3723000) | 01:02:03",
            "formatDuration(5*60*1000 - durationToMilliseconds({{Scripter.Customer Call Duration}})) | 00:03:30",
            "'' ? 'yes' : 'no' | no"})
    void strings(String source, String expected) {
        assertThat(eval(source)).isEqualTo(expected);
    }

    @Test
    void divisionByZeroIsInfinityAsInMathJs() {
        assertThat(eval("7 / 0")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat((Double) eval("0 / 0")).isNaN();
    }

    @Test
    void referencesAreCollectedForTheDependencyGraph() {
        assertThat(Expression.parse("{{A}} + {{B Name}} * x; x = {{A}}").references()).containsExactlyInAnyOrder("A", "B Name");
    }

    @Test
    void nonNumericStringsInArithmeticOrComparisonAreRefusedAsInMathJs() {
        assertThatThrownBy(() -> eval("'a' + 'b'")).hasMessageContaining("Cannot convert \"a\" to a number");
        assertThatThrownBy(() -> eval("{{Customer Name}} == 'x'")).hasMessageContaining("Cannot convert");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "1 + | ends too early", "(1 + 2 | expected ')'", "foo | Undefined symbol foo", "nope(1) | Undefined function nope",
            "round(1, 2, 3) | Wrong number of arguments", "{{Missing}} | unknown variable", "'open | is not closed",
            "{{A | is not closed", "1 2 | expected ';'", "and | needs an operand"})
    void errorsSayWhatIsWrong(String source, String message) {
        assertThatThrownBy(() -> eval(source)).isInstanceOf(ExpressionException.class).hasMessageContaining(message);
    }

    @Test
    void listsAndSize() {
        assertThat(eval("size({{Services}})")).isEqualTo(List.of(2.0));
        assertThat(eval("[1, 'a', true]")).isEqualTo(List.of(1.0, "a", true));
        assertThat(eval("max([3, 9, 4])")).isEqualTo(9.0);
    }

    @Test
    void aLiteralPatternIsCompiledOncePerExpressionAndStillMatchesEachValue() {
        Expression e = Expression.parse("match({{Code}}, '^[A-Z]{3}$')");
        assertThat(e.evaluate(Map.of("Code", "ABC"))).isEqualTo(true);
        assertThat(e.evaluate(Map.of("Code", "abc"))).isEqualTo(false);
    }

    @Test
    void nullInArithmeticIsRefused() {
        assertThatThrownBy(() -> eval("{{Empty}} + 1")).hasMessageContaining("null");
    }
}
