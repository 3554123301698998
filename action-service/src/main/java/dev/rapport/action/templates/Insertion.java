package dev.rapport.action.templates;

/**
 * How a template's interpolations of input values are made safe where they land. {@code TEXT}: as they are (headers,
 * success templates). {@code URL}: an input value in the path or query is percent-encoded (RFC 3986) so it stays one
 * path segment or one query value, in the host it may only be a host name, and any other value that lands in the
 * path (a tool's or a method's result) may not hold {@code / \ ? #} or their encodings. {@code JSON}: an input value
 * inside a JSON string is JSON-escaped; outside a string it must be one whole JSON value.
 */
public enum Insertion {
    TEXT, URL, JSON
}
