package dev.rapport.script.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Escape attempts: there is no member access, no method call, no class, no I/O, and every evaluation is bounded. */
class SandboxTest {
    private static Object eval(String source) {
        return Expression.parse(source).evaluate(Map.of("S", "text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{S}}.getClass()", "''.class", "'x'.getClass().forName('java.lang.Runtime')",
            "java.lang.Runtime.getRuntime().exec('id')", "new('java.io.File', '/')", "{{S}}.length()",
            "\"a\".bytes", "x => x", "import('fs')", "a[0]", "1 | 2", "1 & 2", "~1", "5!", "`id`", "#{1}", "@x",
            "S.empty"})
    void memberAccessAndForeignSyntaxAreRefused(String source) {
        assertThatThrownBy(() -> eval(source)).isInstanceOf(ExpressionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"getClass()", "forName('java.lang.Runtime')", "exec('id')", "eval('1')", "evaluate('1')",
            "parse('1')", "import('x')", "createUnit('x')", "readFile('/etc/passwd')", "System('x')"})
    void onlyTheListedFunctionsExist(String source) {
        assertThatThrownBy(() -> eval(source)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("Undefined function");
    }

    @Test
    void expressionsLongerThanTheCapAreRefused() {
        assertThatThrownBy(() -> Expression.parse("1+".repeat(ExpressionParser.MAX_LENGTH) + "1"))
                .hasMessageContaining("longer than");
    }

    @Test
    void deepNestingIsRefused() {
        assertThatThrownBy(() -> Expression.parse("(".repeat(200) + "1" + ")".repeat(200)))
                .hasMessageContaining("nested deeper");
    }

    @Test
    void evaluationStepsAreCapped() {
        Expression e = Expression.parse("a = 1; " + "a = a + a + a + a + a + a + a + a + a + a; ".repeat(20) + "a");
        assertThatThrownBy(() -> new Evaluator(n -> null, ExpressionBudget.DEFAULT.withMaxSteps(100).withMaxDuration(java.time.Duration.ofSeconds(1))).evaluate(e.root()))
                .hasMessageContaining("steps");
    }

    @Test
    void stringGrowthIsCapped() {
        String doubling = "s = 'xxxxxxxxxx'; " + "s = concat(s, s); ".repeat(20) + "s";
        assertThatThrownBy(() -> eval(doubling)).hasMessageContaining("longer than");
    }

    @Test
    @Timeout(5)
    void catastrophicBacktrackingPatternsRunInLinearTime() {
        Map<String, Object> vars = Map.of("Input", "a".repeat(20_000) + "!");
        assertThat(Expression.parse("match({{Input}}, '^(a+)+$')").evaluate(vars)).isEqualTo(false);
        assertThat(eval("match('" + "a".repeat(30) + "b', '(a|aa)*c')")).isEqualTo(false);
    }

    @Test
    void backReferencesAreRefusedBecauseTheyCannotMatchInLinearTime() {
        assertThatThrownBy(() -> eval("match('aa', '(a)\\\\1')")).hasMessageContaining("linear time");
    }
}
