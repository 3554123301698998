package dev.rapport.datatable.web;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who makes the current request: the subject of the bearer token, recorded in row history and events. */
@RequestScoped
public class Caller {
    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        String subject = token.getSubject();
        return subject == null ? token.getName() : subject;
    }
}
