package dev.rapport.script.flows;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flows that sessions run, read once: published versions never change, so each is parsed once and kept; the
 * list of live flows is read again after a publish or delete here, or after {@link #LIVE_FOR} (a publish on another
 * instance reaches this one within that time).
 */
@ApplicationScoped
public class LiveFlows {
    static final Duration LIVE_FOR = Duration.ofSeconds(2);

    private final FlowService flows;
    private final dev.rapport.script.schedules.ScheduleService schedules;
    private final Map<String, FlowDefinition> versions = new ConcurrentHashMap<>();
    private volatile Live live;

    private record Live(List<FlowService.Published> flows, long readAtNanos) {
    }

    LiveFlows(FlowService flows, dev.rapport.script.schedules.ScheduleService schedules) {
        this.flows = flows;
        this.schedules = schedules;
    }

    /**
     * What a schedule group says at {@code at} (read from the database each time: a change on any instance counts at
     * once); empty when the group does not exist.
     */
    public Optional<FlowRunner.ScheduleState> schedule(String scheduleGroupId, java.time.Instant at) {
        return schedules.evaluate(scheduleGroupId, at);
    }

    /** The live flow for an interaction: the first matching its DNIS or queue, else the default flow. */
    public Optional<FlowService.Published> match(String dnis, String queueId) {
        List<FlowService.Published> all = live();
        return all.stream().filter(p -> dnis != null && p.definition().match().dnis().contains(dnis)
                        || queueId != null && p.definition().match().queues().contains(queueId))
                .findFirst()
                .or(() -> all.stream().filter(p -> p.definition().match().isDefault()).findFirst());
    }

    /** A published version (immutable). */
    public FlowDefinition version(UUID flowId, int version) {
        return versions.computeIfAbsent(flowId + "@" + version, k -> flows.published(flowId, version));
    }

    /** Called once a publish or delete has committed. */
    public void invalidate() {
        live = null;
    }

    private List<FlowService.Published> live() {
        Live current = live;
        if (current == null || System.nanoTime() - current.readAtNanos() > LIVE_FOR.toNanos()) {
            current = new Live(flows.live(), System.nanoTime());
            live = current;
        }
        return current.flows();
    }
}
