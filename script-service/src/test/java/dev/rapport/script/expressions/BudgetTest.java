package dev.rapport.script.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bombs of the hardening review, each refused inside the single call that carries it: within 200 ms, with a
 * message naming the budget, while an ordinary expression evaluated meanwhile on another thread still finishes fast.
 * Each test has a hard timeout in a separate thread so a regression fails instead of stalling the build.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BudgetTest {
    private static final long FAST_NANOS = 1_000_000_000L;
    private static final Expression ORDINARY = Expression.parse("equalText(concat('Hi ', upper({{Name}})), 'Hi ADA') and round(7 / 2) == 4");
    private static ExecutorService bystanders;

    @BeforeAll
    static void warmUp() {
        bystanders = Executors.newSingleThreadExecutor();
        for (int i = 0; i < 200; i++) {
            ORDINARY.evaluate(Map.of("Name", "Ada"));
        }
    }

    @AfterAll
    static void stop() {
        bystanders.shutdownNow();
    }

    /** Evaluates the bomb, expecting a refusal naming the budget, while a bystander evaluates ordinary expressions. */
    private static void refusedQuickly(String source, Map<String, Object> variables, String fragment) throws Exception {
        Future<Long> bystander = bystanders.submit(() -> {
            long worst = 0;
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                assertThat(ORDINARY.evaluate(Map.of("Name", "Ada"))).isEqualTo(true);
                worst = Math.max(worst, System.nanoTime() - start);
            }
            return worst;
        });
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> Expression.parse(source).evaluate(variables));
        long took = System.nanoTime() - start;

        assertThat(thrown).isInstanceOf(ExpressionException.class).hasMessageContaining(fragment);
        assertThat(took).as("nanoseconds until the refusal").isLessThan(FAST_NANOS);
        assertThat(bystander.get(5, TimeUnit.SECONDS)).as("worst nanoseconds of an ordinary expression meanwhile")
                .isLessThan(FAST_NANOS);
    }

    @Test
    void aLongDigitTextIsNotConvertedToANumber() throws Exception {
        // a backtracking number pattern took 28 s on 40,000 digits
        refusedQuickly("{{Digits}} + 1", Map.of("Digits", "1".repeat(40_000) + "x"), "longer than 400 characters");
        refusedQuickly("number({{Digits}})", Map.of("Digits", "1".repeat(40_000)), "longer than 400 characters");
    }

    @Test
    void doublingAListIsRefusedAtTheItemBound() throws Exception {
        String doubling = "a = [1, 2]; " + "a = [a, a]; ".repeat(40) + "string(a)";
        refusedQuickly(doubling, Map.of(), "budget exceeded: a list of more than 10000 items");
    }

    @Test
    void doublingAListInsideConcatIsRefused() throws Exception {
        String doubling = "a = [1, 2]; " + "a = [a, a]; ".repeat(11) + "concat(a, a, a, a, a, a, a, a, a, a, a, a, a, a)";
        refusedQuickly(doubling, Map.of(), "budget exceeded: a string longer than 100000 characters");
    }

    @Test
    void doublingAStringIsRefusedBeforeItIsBuilt() throws Exception {
        String doubling = "s = 'xxxxxxxxxx'; " + "s = concat(s, s); ".repeat(40) + "s";
        refusedQuickly(doubling, Map.of(), "budget exceeded: a string longer than 100000 characters");
    }

    @Test
    void aListOfOneLongTextRepeatedIsRefused() throws Exception {
        String shared = "a = [{{Long}}, {{Long}}, {{Long}}]; " + "a = [a, a, a, a]; ".repeat(6) + "a";
        refusedQuickly(shared, Map.of("Long", "x".repeat(60_000)), "budget exceeded: a list longer than 100000 characters");
    }

    @Test
    void aRegularExpressionThatCompilesToAHugeProgramIsRefused() throws Exception {
        refusedQuickly("match('aaa', '((a{1000}){1000}){1000}')", Map.of(), "regular expression is too large");
    }

    @Test
    void aSlowMatchStopsAtTheDeadline() throws Exception {
        refusedQuickly("match({{Text}}, '(a|b|c){0,1000}d')", Map.of("Text", "a".repeat(100_000)),
                "budget exceeded: the expression took longer than 250 ms");
    }

    @Test
    void aTextTooLongToMatchIsRefused() throws Exception {
        refusedQuickly("match({{Text}}, 'b')", Map.of("Text", "a".repeat(1_000_000)),
                "budget exceeded: a text longer than 100000 characters");
    }

    @Test
    void splittingIntoMorePiecesThanAListMayHoldIsRefused() throws Exception {
        // 50,001 pieces of nothing: refused at the item bound while the list fills, not after
        refusedQuickly("split({{Text}}, ',')", Map.of("Text", ",".repeat(50_000)),
                "budget exceeded: a list of more than 10000 items");
        refusedQuickly("count(split({{Text}}, ''))", Map.of("Text", "x".repeat(100_000)),
                "budget exceeded: a list of more than 10000 items");
    }

    @Test
    void replacingEveryOccurrenceIsRefusedWhenTheTextGrowsPastTheBound() throws Exception {
        refusedQuickly("replaceAll({{Text}}, 'a', 'aaaa')", Map.of("Text", "a".repeat(30_000)),
                "budget exceeded: a string longer than 100000 characters");
        refusedQuickly("replaceAll({{Text}}, '', 'x')", Map.of("Text", "a".repeat(60_000)),
                "budget exceeded: a string longer than 100000 characters");
    }

    @Test
    void eachPieceOfASplitAndEachItemCountedIsAStep() {
        ExpressionBudget few = ExpressionBudget.DEFAULT.withMaxSteps(1_000);
        Map<String, Object> vars = Map.of("Text", "a,".repeat(5_000));
        assertThatThrownBy(() -> Expression.parse("split({{Text}}, ',')").evaluate(vars, few))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("budget exceeded: the expression took more than 1000 steps");
        assertThatThrownBy(() -> Expression.parse("count({{List}})").evaluate(
                Map.of("List", Collections.nCopies(5_000, "x")), few))
                .hasMessage("budget exceeded: the expression took more than 1000 steps");
        assertThat(Expression.parse("count(split({{Text}}, ','))").evaluate(Map.of("Text", "a,".repeat(100)), few))
                .isEqualTo(101.0);
    }

    @Test
    void searchingForALongNeedleIsLinear() {
        Map<String, Object> vars = Map.of("Hay", "a".repeat(100_000), "Needle", "a".repeat(50_000) + "b");
        for (String source : new String[] {"indexOf({{Hay}}, {{Needle}})", "contains({{Hay}}, {{Needle}})",
                "equalText(replace({{Hay}}, {{Needle}}, 'x'), {{Hay}})", "count(split({{Hay}}, {{Needle}}))",
                "equalText(replaceAll({{Hay}}, {{Needle}}, 'x'), {{Hay}})"}) {
            // linear work on 150,000 characters: well under the bound of a quadratic search (seconds), on a machine
            // busy with other builds too (the default 250 ms budget is the service's, not this test's)
            long start = System.nanoTime();
            Object value = Expression.parse(source).evaluate(vars, ExpressionBudget.DEFAULT.withMaxDuration(
                    Duration.ofMillis(FAST_NANOS / 1_000_000)));
            assertThat(System.nanoTime() - start).as(source).isLessThan(FAST_NANOS);
            assertThat(value).isIn(-1.0, 1.0, false, true);
        }
    }

    @Test
    void aCallerChoosesItsOwnBudget() {
        ExpressionBudget tight = ExpressionBudget.DEFAULT.withMaxStringLength(10);
        assertThatThrownBy(() -> Expression.parse("concat('12345', '678901')").evaluate(Map.of(), tight))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("budget exceeded: a string longer than 10 characters");
        assertThat(Expression.parse("concat('12345', '67890')").evaluate(Map.of(), tight)).isEqualTo("1234567890");
        assertThat(ExpressionBudget.DEFAULT.maxDuration()).isEqualTo(Duration.ofMillis(250));
    }
}
