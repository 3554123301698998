package dev.rapport.contract;

/** CloudEvents {@code type} values. The trailing {@code .v1} is the version of the data's JSON Schema. */
public final class EventTypes {
    public static final String INTERACTION_PREFIX = "rapport.interaction.";
    /** Prefix of what is asked of the telephony side; data {@link InteractionCommand}, key interaction id. */
    public static final String INTERACTION_COMMAND_PREFIX = "rapport.interaction-command.";
    public static final String SESSION_UPDATED = "rapport.session.updated.v1";
    /** A tombstone on 'sessions' (no value): the ended interaction's session is gone. */
    public static final String SESSION_REMOVED = "rapport.session.removed.v1";
    /** An agent's command on the script page; data {@link AgentCommand}, key interaction id. */
    public static final String AGENT_COMMAND = "rapport.agent.command.v1";
    /** A data action to execute; data {@link ActionRequest}, key interaction id. */
    public static final String ACTION_REQUESTED = "rapport.action.requested.v1";
    /** A data action's outcome; data {@link ActionResult}, key interaction id. */
    public static final String ACTION_COMPLETED = "rapport.action.completed.v1";
    /** A data table row was created or replaced; data {@link DataTableChange}, key {@code <tableId>:<rowKey>}. */
    public static final String DATATABLE_ROW_UPSERTED = "rapport.datatable.row.upserted.v1";
    /** A data table row was deleted; data {@link DataTableChange}, key {@code <tableId>:<rowKey>}. */
    public static final String DATATABLE_ROW_DELETED = "rapport.datatable.row.deleted.v1";
    /** A data table was created, changed, deleted or bulk-imported; data {@link DataTableChange}, key {@code <tableId>}. */
    public static final String DATATABLE_TABLE_CHANGED = "rapport.datatable.table.changed.v1";

    /** A user of the directory, as configured; data {@link DirectoryUser}, key the user's id, on {@link Topics#USERS}. */
    public static final String USER_UPDATED = "rapport.user.updated.v1";

    private EventTypes() {
    }

    /** The CloudEvents type of an interaction event whose body says {@code "type": kind}. */
    public static String interaction(InteractionEvent.Kind kind) {
        return INTERACTION_PREFIX + kind.wireName() + ".v1";
    }

    /** The CloudEvents type of an interaction command whose body says {@code "type": kind}. */
    public static String interactionCommand(InteractionCommand.Kind kind) {
        return INTERACTION_COMMAND_PREFIX + kind.wireName() + ".v1";
    }
}
