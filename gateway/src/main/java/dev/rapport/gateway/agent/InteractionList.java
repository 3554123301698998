package dev.rapport.gateway.agent;

import java.util.List;

/** The agent's interactions, in Genesys's list shape ({@code entities}, {@code total}). */
public record InteractionList(List<InteractionSummary> entities, int total) {
}
