package dev.rapport.script.scripts;

import java.util.List;

/**
 * What uses a script and so keeps it from being deleted. Implemented by the features that use scripts (the inbound
 * flows that screen-pop one), so scripts depends on none of them.
 */
public interface ScriptUsers {
    /** The names of what uses {@code scriptId} now; empty when nothing does. */
    List<String> of(String scriptId);
}
