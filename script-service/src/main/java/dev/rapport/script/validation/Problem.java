package dev.rapport.script.validation;

/** One reason a script cannot be published; {@code where} reads like "pages/Start/button Submit/action". */
public record Problem(String where, String code, String message) {
}
