package dev.rapport.contract;

/** CloudEvents {@code type} values. The trailing {@code .v1} is the version of the data's JSON Schema. */
public final class EventTypes {
    public static final String INTERACTION_PREFIX = "rapport.interaction.";
    public static final String SESSION_UPDATED = "rapport.session.updated.v1";

    private EventTypes() {
    }

    /** The CloudEvents type of an interaction event whose body says {@code "type": kind}. */
    public static String interaction(InteractionEvent.Kind kind) {
        return INTERACTION_PREFIX + kind.wireName() + ".v1";
    }
}
