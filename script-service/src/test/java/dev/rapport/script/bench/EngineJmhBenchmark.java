package dev.rapport.script.bench;

import dev.rapport.script.WorkshopScript;
import dev.rapport.script.engine.Builtins;
import dev.rapport.script.engine.CompiledScript;
import dev.rapport.script.engine.RenderedPage;
import dev.rapport.script.engine.ScriptEngine;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.expressions.Expression;
import dev.rapport.script.model.ScriptVersion;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: expression evaluations per second (each against the constant {@code 1}, the baseline of the same run) and
 * the workshop page's full render. Run: see script-service/README.md ("Benchmark").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class EngineJmhBenchmark {
    private static final Map<String, Object> VARS = Map.of("Age", 36.0, "VIP", true, "Name", "Ada Lovelace",
            "Duration", "00:01:30");

    @Param({"1", "{{Age}} >= 18 and {{VIP}}", "concat('Hi ', upper({{Name}}), '!')",
            "x = {{Age}} * 12; y = x / 7; round(y, 2)", "match({{Name}}, '^[A-Z][a-z]+ [A-Z][a-z]+$')"})
    public String source;

    private Expression expression;
    private ScriptEngine engine;
    private SessionModel session;

    @Setup
    public void setUp() {
        expression = Expression.parse(source);
        engine = new ScriptEngine();
        CompiledScript workshop = new CompiledScript(new ScriptVersion("bench", 1, WorkshopScript.definition()));
        session = engine.open(workshop, WorkshopScript.sampleInputs(), new Builtins(Map.of("Agent Name", "Sam")));
    }

    @Benchmark
    public Object evaluate() {
        return expression.evaluate(VARS);
    }

    /** The same for every {@code source}: read it once, from the {@code source=1} row. */
    @Benchmark
    public RenderedPage renderWorkshopPage() {
        return engine.render(session, "start");
    }
}
