package dev.rapport.script.routing;

import java.util.List;

/**
 * What routing needs of a session the session core just changed: where the interaction is (its state, queue and
 * connected agent), who owes its wrap-up, and what the flow asks of routing.
 *
 * @param agentId       the agent it is connected to or alerting (states {@code connected}, {@code alerting}), else
 *                      null
 * @param wrapupAgentId the agent whose wrap-up of it is pending, else null
 */
public record RoutedSession(String interactionId, String state, String queueId, String queueName, String agentId,
                            String wrapupAgentId, int priority, List<String> skills, String language) {

    /** An agent's {@code answer} command in the batch. */
    public record Answer(String interactionId, String agentId) {
    }
}
