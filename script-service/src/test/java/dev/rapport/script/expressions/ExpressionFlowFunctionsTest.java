package dev.rapport.script.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text, list and value functions flows need: split, count, contains, substr, replaceAll, getAt, isSet,
 * isNotSetOrEmpty, toString and toNumber, with their edge cases (empty, unicode, out-of-range indices, missing
 * arguments). Phone numbers are in {@link ExpressionPhoneNumberTest}; count is also checked against math.js.
 */
class ExpressionFlowFunctionsTest {
    private static final String EMOJI = "\uD83D\uDE00"; // one character, two UTF-16 code units
    private static final Map<String, Object> VARS = new HashMap<>();

    static {
        VARS.put("Services", "Insurance|Childcare");
        VARS.put("Service List", List.of("Insurance", "Childcare"));
        VARS.put("No Value", null);
        VARS.put("Empty", "");
        VARS.put("No Items", List.of());
        VARS.put("Emoji", "a" + EMOJI + "b");
    }

    private static Object eval(String source) {
        return Expression.parse(source).evaluate(VARS);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "substr('7204276664', 3, 3) => 427", "substr('hello', 1) => ello", "substr('hello', 0, 5) => hello",
            "substr('hello', -3, 2) => ll", "substr('hello', -10, 2) => he", "substr('hello', 10, 2) => ``",
            "substr('hello', 1, -1) => ``", "substr('hello', 1, 0) => ``", "substr('hello', 1, 100) => ello",
            "substr('hello', 1.7, 2.9) => el", "substr('', 0, 3) => ``", "substr({{Emoji}}, 3, 1) => b",
            "replaceAll('720-427-6664', '-', '') => 7204276664", "replaceAll('a.b.c', '.', '-') => a-b-c",
            "replaceAll('aaa', 'aa', 'b') => ba", "replaceAll('abc', '', '-') => -a-b-c-", "replaceAll('', '', 'x') => x",
            "replaceAll('abc', 'x', 'y') => abc", "replaceAll('a-b', '-', '$&') => a$&b", "replaceAll('', 'a', 'b') => ``",
            "replace('a-b-c', '-', '+') => a+b-c", "substring('hello', 1, 3) => el",
            "toString(7204276664) => 7204276664", "toString(3.5) => 3.5", "toString(1/3) => 0.3333333333333333",
            "toString(1e21) => 1e+21", "toString(true) => true", "toString('x') => x", "toString({{No Value}}) => ``",
            "toString({{Service List}}) => `Insurance,Childcare`", "getAt(split({{Services}}, '|'), 0) => Insurance",
            "getAt({{Service List}}, 1) => Childcare", "getAt([1, 'two'], 1.0) => two"})
    void texts(String source, String expected) {
        assertThat(eval(source)).isEqualTo(expected);
    }

    @Test
    void emptySeparatorOrFindWorkOnCharactersSoASurrogatePairStaysWhole() {
        assertThat(eval("split({{Emoji}}, '')")).isEqualTo(List.of("a", EMOJI, "b"));
        assertThat(eval("replaceAll({{Emoji}}, '', '.')")).isEqualTo(".a." + EMOJI + ".b.");
        assertThat(eval("contains({{Emoji}}, 'b')")).isEqualTo(true);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "count('hello') => 5", "count('') => 0", "count([1, 2, 3]) => 3", "count([]) => 0",
            "count({{Service List}}) => 2", "count({{No Items}}) => 0", "count(split({{Services}}, '|')) => 2",
            "count([[1, 2], [3, 4]]) => 4", "count([[], []]) => 0", "count(true) => 4", "count({{Emoji}}) => 4",
            "toNumber('42') => 42", "toNumber(' 3.5 ') => 3.5", "toNumber('-1e3') => -1000", "toNumber('0x1F') => 31",
            "toNumber(7) => 7", "toNumber(true) => 1", "toNumber('007') => 7"})
    void numbers(String source, double expected) {
        assertThat(eval(source)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "contains({{Services}}, 'Child') => true", "contains('abc', '') => true", "contains('', 'a') => false",
            "contains('', '') => true", "contains('ABC', 'b') => false", "contains({{Service List}}, 'Childcare') => true",
            "contains({{Service List}}, 'Child') => false", "contains(split({{Services}}, '|'), 'Insurance') => true",
            "contains({{No Items}}, '') => false", "contains([1, 2], '2') => true", "contains(12345, 34) => true",
            "isSet({{No Value}}) => false", "isSet('') => true", "isSet({{Empty}}) => true", "isSet(0) => true",
            "isSet(false) => true", "isSet({{No Items}}) => true", "isSet('x') => true",
            "isNotSetOrEmpty({{No Value}}) => true", "isNotSetOrEmpty({{Empty}}) => true",
            "isNotSetOrEmpty({{No Items}}) => true", "isNotSetOrEmpty(' ') => false", "isNotSetOrEmpty(0) => false",
            "isNotSetOrEmpty({{Services}}) => false"})
    void booleans(String source, boolean expected) {
        assertThat(eval(source)).isEqualTo(expected);
    }

    @Test
    void splitKeepsEmptyPiecesAsJavaScriptDoes() {
        assertThat(eval("split('a,b,,c', ',')")).isEqualTo(List.of("a", "b", "", "c"));
        assertThat(eval("split(',a,', ',')")).isEqualTo(List.of("", "a", ""));
        assertThat(eval("split('a||b', '||')")).isEqualTo(List.of("a", "b"));
        assertThat(eval("split('aaa', 'aa')")).isEqualTo(List.of("", "a"));
        assertThat(eval("split('abc', 'abc')")).isEqualTo(List.of("", ""));
        assertThat(eval("split('Insurance', '|')")).isEqualTo(List.of("Insurance"));
        assertThat(eval("split('', ',')")).isEqualTo(List.of(""));
        assertThat(eval("split('', '')")).isEqualTo(List.of());
        assertThat(eval("split('abc', '')")).isEqualTo(List.of("a", "b", "c"));
        assertThat(eval("split(12.5, '.')")).isEqualTo(List.of("12", "5"));
    }

    @Test
    void aLongSeparatorIsFoundAgainAfterEachMatch() {
        // long enough for the linear (Knuth-Morris-Pratt) search, which then has to start after the last match
        String separator = "x".repeat(2_000);
        String text = ("a" + separator).repeat(40) + "a";
        Map<String, Object> vars = Map.of("Text", text, "Separator", separator);
        List<Object> pieces = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            pieces.add("a");
        }
        assertThat(Expression.parse("split({{Text}}, {{Separator}})").evaluate(vars)).isEqualTo(pieces);
        assertThat(Expression.parse("replaceAll({{Text}}, {{Separator}}, '-')").evaluate(vars))
                .isEqualTo("a" + "-a".repeat(40));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "split('a') => Wrong number of arguments in function split",
            "split('a', ',', 1) => Wrong number of arguments in function split",
            "substr('a') => Wrong number of arguments in function substr",
            "substr('a', {{No Value}}) => function substr cannot take null",
            "replaceAll('a', 'b') => Wrong number of arguments in function replaceAll",
            "count() => Wrong number of arguments in function count",
            "count(5) => Unexpected type of argument in function count",
            "count({{No Value}}) => Unexpected type of argument in function count",
            "count([[1, 2], [3]]) => Dimension mismatch", "count([1, [2]]) => Dimension mismatch",
            "getAt({{Service List}}) => Wrong number of arguments in function getAt",
            "getAt({{Service List}}, 2) => `function getAt: index 2 is not in the list (0 to 1)`",
            "getAt({{Service List}}, -1) => function getAt: index -1 is not in the list",
            "getAt({{Service List}}, 0.5) => function getAt: index 0.5 is not in the list",
            "getAt({{No Items}}, 0) => `(it is empty)`", "getAt('abc', 0) => function getAt expects a list",
            "toNumber('abc') => `function toNumber: Cannot convert \"abc\" to a number`",
            "toNumber('') => function toNumber: an empty text is not a number",
            "toNumber({{No Value}}) => function toNumber: cannot use null as a number",
            "toNumber('1,234') => function toNumber: Cannot convert", "toNumber([1]) => function toNumber",
            "isSet() => Wrong number of arguments in function isSet",
            "isNotSetOrEmpty(1, 2) => Wrong number of arguments in function isNotSetOrEmpty",
            "toString() => Wrong number of arguments in function toString",
            "Split('a,b', ',') => `Undefined function Split (function names are case-sensitive; write split)`",
            "Substring('abc', 0, 1) => `write substr(text, start, length)`", "Replace('a', 'a', 'b') => write replaceAll",
            "ToInt('5') => write toNumber", "ToPhoneNumber('1') => write e164", "IsSet(1) => write isSet"})
    void errorsNameTheFunction(String source, String message) {
        assertThatThrownBy(() -> eval(source)).isInstanceOf(ExpressionException.class).hasMessageContaining(message);
    }
}
