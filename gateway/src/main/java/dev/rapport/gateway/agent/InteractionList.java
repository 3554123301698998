package dev.rapport.gateway.agent;

import dev.rapport.gateway.sessions.SessionHead;
import java.util.List;

/** The agent's interactions, in Genesys's list shape ({@code entities}, {@code total}): each without its page. */
public record InteractionList(List<SessionHead> entities, int total) {
}
