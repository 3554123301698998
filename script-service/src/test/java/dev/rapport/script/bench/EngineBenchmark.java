package dev.rapport.script.bench;

import dev.rapport.script.WorkshopScript;
import dev.rapport.script.engine.Builtins;
import dev.rapport.script.engine.CompiledScript;
import dev.rapport.script.engine.ScriptEngine;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.expressions.Expression;
import dev.rapport.script.model.ScriptVersion;
import java.util.List;
import java.util.Map;

/**
 * A plain benchmark main (not a test): expression evaluations per second and the workshop page's full render time,
 * each reported with a baseline measured in the same run (evaluating the constant "1", rendering an empty page), so
 * the ratio stays meaningful on a busy machine. Run: see script-service/README.md.
 */
public final class EngineBenchmark {
    private static final List<String> EXPRESSIONS = List.of(
            "{{Age}} >= 18 and {{VIP}}",
            "concat('Hi ', upper({{Name}}), '!')",
            "ifElse({{Age}} > 65, 'senior', ifElse({{Age}} >= 18, 'adult', 'minor'))",
            "x = {{Age}} * 12; y = x / 7; round(y, 2)",
            "formatDuration(5*60*1000 - durationToMilliseconds({{Duration}}))",
            "match({{Name}}, '^[A-Z][a-z]+ [A-Z][a-z]+$')");
    private static final Map<String, Object> VARS = Map.of("Age", 36.0, "VIP", true, "Name", "Ada Lovelace",
            "Duration", "00:01:30");

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        double baseline = evaluationsPerSecond(List.of(Expression.parse("1")), seconds);
        System.out.printf("baseline  expression '1': %,.0f evaluations/s%n", baseline);
        for (String source : EXPRESSIONS) {
            double rate = evaluationsPerSecond(List.of(Expression.parse(source)), seconds);
            System.out.printf("%,12.0f evaluations/s (%.2f of baseline)  %s%n", rate, rate / baseline, source);
        }
        ScriptEngine engine = new ScriptEngine();
        CompiledScript workshop = new CompiledScript(new ScriptVersion("bench", 1, WorkshopScript.definition()));
        SessionModel session = engine.open(workshop, WorkshopScript.sampleInputs(), new Builtins(Map.of("Agent Name", "Sam")));
        double render = renderMicros(engine, session, seconds);
        double parseAndRender = openAndRenderMicros(engine, workshop, seconds);
        System.out.printf("workshop page render: %.2f µs; open session + render: %.2f µs (%.1fx render)%n",
                render, parseAndRender, parseAndRender / render);
    }

    private static double evaluationsPerSecond(List<Expression> expressions, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        long start = System.nanoTime();
        Object sink = null;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1000; i++) {
                sink = expressions.get(0).evaluate(VARS);
            }
            count += 1000;
        }
        if (sink == Boolean.valueOf("impossible")) {
            System.out.println(sink);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double renderMicros(ScriptEngine engine, SessionModel session, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            engine.render(session, "start");
            count++;
        }
        return (System.nanoTime() - start) / 1e3 / count;
    }

    private static double openAndRenderMicros(ScriptEngine engine, CompiledScript script, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            SessionModel s = engine.open(script, WorkshopScript.sampleInputs(), Builtins.NONE);
            engine.render(s, "start");
            count++;
        }
        return (System.nanoTime() - start) / 1e3 / count;
    }
}
