package dev.rapport.script.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page: its root container, and the custom action run each time it is shown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page(String id, String name, String onLoad, Component root) {
}
