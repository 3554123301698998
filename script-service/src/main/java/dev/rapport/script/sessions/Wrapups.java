package dev.rapport.script.sessions;

import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.SessionState;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.scripts.PublishedScripts;
import java.time.Instant;
import java.util.Map;

/**
 * After-call work. When an interaction leaves the agent it was connected to (it ends, whoever ended it, or is
 * transferred away), that agent's wrap-up starts: pending when the script (its pinned version) or the queue the flow
 * routed it to requires one, else not required. Only that agent may then wrap up, with a code that exists and, when
 * the script says so, notes; the choice goes on the timeline, into participant data and out on
 * 'interaction-commands'.
 */
final class Wrapups {
    static final String CODE_ATTRIBUTE = "Wrap-up Code";
    static final String CODE_ID_ATTRIBUTE = "Wrap-up Code Id";
    static final String NOTES_ATTRIBUTE = "Wrap-up Notes";

    private final PublishedScripts scripts;
    private final InteractionCommands commands;

    Wrapups(PublishedScripts scripts, InteractionCommands commands) {
        this.scripts = scripts;
        this.commands = commands;
    }

    /** After an event was applied: {@code connectedBefore} is the agent it was connected to before, or null. */
    void afterEvent(Session s, String connectedBefore, SessionWrites out) {
        if (connectedBefore == null || s.connectedTo(connectedBefore)) {
            return;
        }
        ScriptDefinition script = s.scriptId == null ? null
                : scripts.get(s.scriptId, s.scriptVersion).version().definition();
        boolean required = s.queueWrapupRequired || script != null && script.requiresWrapup();
        boolean notes = required && script != null && script.requiresWrapupNotes();
        s.wrapup = new SessionState.Wrapup(connectedBefore, required ? SessionState.Wrapup.PENDING
                : SessionState.Wrapup.NOT_REQUIRED, required, notes, null, null, null, null);
        out.timeline(s.id, required ? "wrapup.pending" : "wrapup.notRequired", required
                ? connectedBefore + " owes a wrap-up code" + (notes ? " and notes" : "")
                : "No wrap-up required of " + connectedBefore, null);
    }

    /**
     * The agent's wrap-up: done, or refused with the reason (on the timeline and as an error notice), leaving it
     * pending. {@code codeNames} are the names of the codes the batch's wrap-ups name that exist.
     */
    void wrapUp(Session s, AgentCommand command, Map<String, String> codeNames, SessionWrites out) {
        String refusal = refusal(s, command, codeNames);
        if (refusal != null) {
            out.timeline(s.id, "command.refused", refusal, null);
            s.alert("Not done: " + refusal, "error");
            return;
        }
        String notes = command.notes() == null || command.notes().isBlank() ? null : command.notes().strip();
        String name = codeNames.get(command.code());
        s.wrapup = new SessionState.Wrapup(s.wrapup.agentId(), SessionState.Wrapup.DONE, s.wrapup.required(),
                s.wrapup.notesRequired(), command.code(), name, notes, Instant.now());
        s.attributes.put(CODE_ATTRIBUTE, name);
        s.attributes.put(CODE_ID_ATTRIBUTE, command.code());
        if (notes != null) {
            s.attributes.put(NOTES_ATTRIBUTE, notes);
        }
        out.timeline(s.id, "wrapup.done", command.agentId() + " wrapped up: " + name, s.wrapup);
        commands.sendWrapup(s, command.id(), command.agentId(),
                new InteractionCommand.Wrapup(command.code(), name, notes), out);
    }

    private static String refusal(Session s, AgentCommand command, Map<String, String> codeNames) {
        if (s.wrapup == null || !s.wrapup.pending() || !s.wrapup.agentId().equals(command.agentId())) {
            return "No wrap-up of this interaction is pending for " + command.agentId();
        }
        if (command.code() == null || !codeNames.containsKey(command.code())) {
            return "'" + command.code() + "' is not a wrap-up code";
        }
        if (s.wrapup.notesRequired() && (command.notes() == null || command.notes().isBlank())) {
            return "Notes are required to wrap up this interaction";
        }
        return null;
    }
}
