package dev.rapport.script.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A script variable. {@code kind} basic holds a value, dynamic computes it from {@code expression}, list holds an
 * ordered list of values of {@code type}. Input variables are set from outside (screen pop), output ones are
 * reported back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Variable(String name, String description, VariableType type, VariableKind kind, boolean input,
                       boolean output, @JsonProperty("default") Object defaultValue, String expression) {
    public Variable {
        kind = kind == null ? VariableKind.BASIC : kind;
    }

    public static Variable basic(String name, VariableType type) {
        return new Variable(name, null, type, VariableKind.BASIC, false, false, null, null);
    }

    @JsonIgnore
    public boolean isDynamic() {
        return kind == VariableKind.DYNAMIC;
    }

    @JsonIgnore
    public boolean isList() {
        return kind == VariableKind.LIST;
    }
}
