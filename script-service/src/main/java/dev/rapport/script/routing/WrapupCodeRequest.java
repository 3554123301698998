package dev.rapport.script.routing;

/**
 * The body of a create or an update (Genesys's {@code WrapupCodeRequest}): a name, and optionally a description and
 * a division. Anything else a client sends back (id, dates, selfUri) is ignored.
 */
public record WrapupCodeRequest(String name, String description, WrapupCode.Division division) {
}
