package dev.rapport.script.model;

import com.fasterxml.jackson.annotation.JsonValue;

public enum VariableType {
    STRING, NUMBER, BOOLEAN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }
}
