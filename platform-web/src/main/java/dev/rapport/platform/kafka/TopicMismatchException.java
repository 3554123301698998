package dev.rapport.platform.kafka;

import java.util.List;
import java.util.stream.Collectors;

/** Existing topics whose partition count is not the configured one: the service refuses to start on them. */
public class TopicMismatchException extends IllegalStateException {

    public record Mismatch(String topic, int expected, int actual) {
    }

    private final List<Mismatch> mismatches;

    public TopicMismatchException(List<Mismatch> mismatches) {
        super(mismatches.stream()
                .map(m -> "topic '" + m.topic() + "' has " + m.actual() + " partitions, the configuration expects "
                        + m.expected())
                .collect(Collectors.joining("; "))
                + ". Set rapport.kafka.partitions (RAPPORT_KAFKA_PARTITIONS) to the topics' count on every service; "
                + "adding partitions to a topic moves keys to other partitions, so do it only with the topic drained.");
        this.mismatches = List.copyOf(mismatches);
    }

    public List<Mismatch> mismatches() {
        return mismatches;
    }
}
