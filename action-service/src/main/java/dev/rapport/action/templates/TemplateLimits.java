package dev.rapport.action.templates;

import java.time.Duration;

/**
 * Caps on one rendering. Genesys publishes none; ours are generous for real actions (the largest of the 39 public
 * exports is under 2 KB) and small enough that a hostile template cannot hold a worker for long.
 */
public record TemplateLimits(int maxTemplateChars, int maxOutputChars, int maxLoops, Duration maxRenderTime) {
    public static final TemplateLimits DEFAULT = new TemplateLimits(64 * 1024, 1024 * 1024, 1000, Duration.ofSeconds(2));
}
