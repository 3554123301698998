package dev.rapport.script.model;

/** A published, immutable version of a script: what a session pins. */
public record ScriptVersion(String scriptId, int version, ScriptDefinition definition) {
}
