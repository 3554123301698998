package dev.rapport.script.conversations;

import dev.rapport.contract.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Who calls the Conversations API, and what of it they may touch: admins and services (a data action runs with its
 * integration's service token) any conversation, supervisors read any; an agent only an interaction they are
 * connected to.
 */
record Caller(String name, boolean agentOnly, boolean service) {
    /** The longest agent id a command carries (interaction-command.v1.json). */
    private static final int MAX_AGENT_ID = 128;

    /** Who reads: a supervisor reaches every conversation. */
    static Caller of(SecurityContext security) {
        return of(security, security.isUserInRole(Roles.SUPERVISOR));
    }

    /** Who writes: a supervisor acts on no interaction, so one who is an agent too acts as the agent. */
    static Caller acting(SecurityContext security) {
        return of(security, false);
    }

    private static Caller of(SecurityContext security, boolean supervisorReaches) {
        String name = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        boolean person = security.isUserInRole(Roles.ADMIN) || supervisorReaches;
        boolean service = !person && security.isUserInRole(Roles.SERVICE);
        return new Caller(name, !person && !service, service);
    }

    /** Refuses an agent who is not connected to the conversation's interaction (403); the others pass. */
    void mayTouch(ConversationFacts conversation) {
        if (!agentOnly) {
            return;
        }
        ConversationFacts.Call call = conversation.call();
        if (call == null || !"connected".equals(call.state()) || name == null || !name.equals(call.agentId())) {
            throw new ForbiddenException("An agent may use only the conversations they are connected to");
        }
    }

    /** The person a command is asked for (the contract's {@code agentId}); null when a service asks. */
    String person() {
        return service || name == null || name.isEmpty() || name.length() > MAX_AGENT_ID ? null : name;
    }

    /** How the timeline names who asked. */
    String describe() {
        return (service ? "service " : "") + (name == null ? "someone" : name);
    }
}
