package dev.rapport.action.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.action.ActionsConfig;
import dev.rapport.action.engine.Execution;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import dev.rapport.action.support.LoopbackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The per-integration concurrency and rate limits refuse with Genesys-style 429s. A Quarkus test because SmallRye's
 * programmatic Guard needs the running extension; the guards under test are built with their own small limits.
 */
@QuarkusTest
@WithTestResource(value = LoopbackResource.class, initArgs = @ResourceArg(name = "database", value = "action"))
class ActionGuardsTest {

    static ActionsConfig config(Map<String, Object> values) {
        ActionsConfig.PerInstance limits = (ActionsConfig.PerInstance) Proxy.newProxyInstance(
                ActionsConfig.class.getClassLoader(), new Class<?>[] {ActionsConfig.PerInstance.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "concurrencyPerIntegration", "concurrencyPerAction", "ratePerMinute", "circuitRequestVolume" ->
                            values.getOrDefault(method.getName(), 100);
                    case "circuitFailureRatio" -> 0.5;
                    case "circuitDelay" -> Duration.ofSeconds(30);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ActionsConfig) Proxy.newProxyInstance(ActionsConfig.class.getClassLoader(),
                new Class<?>[] {ActionsConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "perInstance" -> limits;
                    case "maxCallDepth" -> values.getOrDefault(method.getName(), 100);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static Execution ok() {
        return new Execution(List.of(), new Execution.Success(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()), 1);
    }

    @Test
    void concurrentExecutionsOverTheIntegrationsLimitAreRefused() throws Exception {
        ActionGuards guards = new ActionGuards(config(Map.of("concurrencyPerIntegration", 1)));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ActionGuards.Guarded> first = CompletableFuture.supplyAsync(() -> guards.run("i1", "a@1", () -> {
            running.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok();
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        ActionGuards.Guarded second = guards.run("i1", "a@1", ActionGuardsTest::ok);
        assertThat(second).isInstanceOf(ActionGuards.Refused.class);
        assertThat(((ActionGuards.Refused) second).refusal().code()).isEqualTo("action.concurrency.limit");
        assertThat(guards.run("i2", "b@1", ActionGuardsTest::ok)).isInstanceOf(ActionGuards.Ran.class);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(ActionGuards.Ran.class);
    }

    @Test
    void concurrentExecutionsOfOneActionOverItsLimitAreRefusedWhileOthersOfTheIntegrationRun() throws Exception {
        ActionGuards guards = new ActionGuards(config(Map.of("concurrencyPerAction", 1)));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ActionGuards.Guarded> first = CompletableFuture.supplyAsync(() -> guards.run("i1", "loop@1", () -> {
            running.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok();
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        ActionGuards.Guarded second = guards.run("i1", "loop@1", ActionGuardsTest::ok);
        assertThat(second).isInstanceOf(ActionGuards.Refused.class);
        assertThat(((ActionGuards.Refused) second).refusal().code()).isEqualTo("action.concurrency.limit");
        assertThat(guards.run("i1", "other@1", ActionGuardsTest::ok)).isInstanceOf(ActionGuards.Ran.class);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(ActionGuards.Ran.class);
    }

    @Test
    void executionsOverTheRateLimitAreRefused() {
        ActionGuards guards = new ActionGuards(config(Map.of("ratePerMinute", 2)));
        assertThat(guards.run("i1", "a@1", ActionGuardsTest::ok)).isInstanceOf(ActionGuards.Ran.class);
        assertThat(guards.run("i1", "a@1", ActionGuardsTest::ok)).isInstanceOf(ActionGuards.Ran.class);
        ActionGuards.Guarded third = guards.run("i1", "a@1", ActionGuardsTest::ok);
        assertThat(((ActionGuards.Refused) third).refusal().status()).isEqualTo(429);
        assertThat(((ActionGuards.Refused) third).refusal().code()).isEqualTo("action.rate.limit");
    }

    /**
     * The limits are per instance, as documented (rapport.actions.per-instance.*): two instances, each with its own
     * guards, allow the rate twice over in total. Should they ever be shared, this test and the docs change together.
     */
    @Test
    void eachInstanceAllowsTheWholeRateSoNInstancesAllowNTimesIt() {
        ActionGuards first = new ActionGuards(config(Map.of("ratePerMinute", 2)));
        ActionGuards second = new ActionGuards(config(Map.of("ratePerMinute", 2)));
        long ran = 0;
        for (ActionGuards instance : List.of(first, second)) {
            for (int i = 0; i < 3; i++) {
                if (instance.run("shared-integration", "a@1", ActionGuardsTest::ok) instanceof ActionGuards.Ran) {
                    ran++;
                }
            }
        }
        assertThat(ran).isEqualTo(4);
        ActionGuards.Guarded refused = first.run("shared-integration", "a@1", ActionGuardsTest::ok);
        assertThat(((ActionGuards.Refused) refused).refusal().message()).contains("on this instance");
    }
}
