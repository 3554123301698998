package dev.rapport.script.engine;

import dev.rapport.contract.InteractionCommand;
import java.time.Instant;

/**
 * An interaction action of a custom action, its texts interpolated and checked: a transfer ({@code targetType},
 * {@code target}), a callback ({@code number}, {@code at}) or a disconnect. A live session sends it on
 * 'interaction-commands'; the designer's preview only says what it would send.
 */
public record InteractionAction(InteractionCommand.Kind kind, InteractionCommand.TargetType targetType, String target,
                                String number, Instant at) {

    /** For the agent, the timeline and the preview: "blind transfer to queue billing". */
    public String describe() {
        return switch (kind) {
            case BLIND_TRANSFER -> "blind transfer to " + targetType.wireName() + " " + target;
            case CONSULT_TRANSFER -> "consult transfer to " + targetType.wireName() + " " + target;
            case SCHEDULE_CALLBACK -> "callback to " + number + " at " + at;
            case DISCONNECT -> "disconnect";
            case WRAPUP -> "wrap-up";
        };
    }
}
