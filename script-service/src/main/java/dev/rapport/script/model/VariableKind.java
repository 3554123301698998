package dev.rapport.script.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum VariableKind {
    BASIC, DYNAMIC, LIST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
