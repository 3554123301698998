package dev.rapport.script.expressions;

import dev.rapport.contract.failure.DomainException.InvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.script.designer.ExpressionTrial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The designer's trial answers every hostile expression with {@code valid: false}, the message and (for a parse
 * error) the position, as a body that can be written as JSON; a sample value no variable could hold is a 400 naming
 * its field. Never a 500.
 */
class ExpressionTrialHostileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExpressionTrial trial = new ExpressionTrial();

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("dev.rapport.script.expressions.HostileInputTest#corpus")
    void aHostileExpressionIsAnInvalidAnswerWithItsPosition(String source, String fragment, boolean positioned)
            throws Exception {
        ExpressionTrial.Result result = trial.evaluate(new ExpressionTrial.Request(source, Map.of()));

        assertThat(result.valid()).isFalse();
        assertThat(result.error().message()).contains(fragment);
        if (positioned) {
            assertThat(result.error().position()).isPositive();
        }
        assertThat(JSON.writeValueAsString(result)).isNotEmpty();
    }

    @Test
    void aResultWithALoneSurrogateIsStillWritableAsJson() throws Exception {
        ExpressionTrial.Result result = trial.evaluate(new ExpressionTrial.Request("substring('\\uD83D\\uDE00', 0, 1)", Map.of()));

        assertThat(result.value()).isEqualTo("\uFFFD");
        assertThat(JSON.writeValueAsString(result)).contains("\uFFFD");
    }

    @Test
    void anOversizedSampleIsA400NamingItsField() {
        String digits = "1".repeat(40_000);
        for (ExpressionTrial.Sample sample : List.of(new ExpressionTrial.Sample("number", digits),
                new ExpressionTrial.Sample("string", "x".repeat(100_001)),
                new ExpressionTrial.Sample("number", java.util.Collections.nCopies(10_001, 1)),
                new ExpressionTrial.Sample("string", "a\uD800"))) {
            InvalidInput e = catchThrowableOfType(() -> trial.evaluate(
                    new ExpressionTrial.Request("{{X}}", Map.of("X", sample))), InvalidInput.class);

            assertThat(e).as("refused as invalid input (a 400)").isNotNull();
            assertThat(e.details()).extracting(d -> d.fieldName()).containsExactly("variables.X.value");
            assertThat(e.getMessage()).hasSizeLessThan(200);
        }
    }
}
