package dev.rapport.contract;

import java.util.List;

/** The Kafka topics of Rapport. Every record on them is keyed as the table in ARCHITECTURE.md says. */
public final class Topics {
    /** IVR and telephony events of an interaction, keyed by interaction id. */
    public static final String INTERACTIONS = "interactions";
    /** Agent commands (set variable, click, change page), keyed by interaction id. */
    public static final String AGENT_COMMANDS = "agent-commands";
    /** Data action executions asked for by scripts and flows, keyed by interaction id. */
    public static final String ACTION_REQUESTS = "action-requests";
    /** Outcomes of data action executions, keyed by interaction id. */
    public static final String ACTION_RESULTS = "action-results";
    /** Session states for the agent page, keyed by interaction id; compacted. */
    public static final String SESSIONS = "sessions";
    /** Data table changes, keyed by table id and row key; compacted. */
    public static final String DATATABLE_CHANGES = "datatable-changes";
    /**
     * What a script or an agent asks of the telephony side (transfer, callback, disconnect, wrap-up), keyed by
     * interaction id. The answers come back on {@link #INTERACTIONS}, naming the command's id.
     */
    public static final String INTERACTION_COMMANDS = "interaction-commands";
    /**
     * The user directory (the gateway's configured users, {@link DirectoryUser}), keyed by user id; compacted, so the
     * latest record of each user is their entry. Routing and {@code Scripter.Agent Name} read it.
     */
    public static final String USERS = "users";

    /** Suffix of the dead-letter topic that receives what a consumer of a topic could not process. */
    public static final String DEAD_LETTER_SUFFIX = "-dlq";

    public static final List<String> ALL = List.of(
            INTERACTIONS, AGENT_COMMANDS, ACTION_REQUESTS, ACTION_RESULTS, SESSIONS, DATATABLE_CHANGES,
            INTERACTION_COMMANDS, USERS);

    /** Topics where only the latest record per key matters. */
    public static final List<String> COMPACTED = List.of(SESSIONS, DATATABLE_CHANGES, USERS);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
