package dev.rapport.script.model;

/** One static choice of a dropdown or radio group: the value stored and the label shown (interpolated). */
public record Option(String value, String label) {
}
