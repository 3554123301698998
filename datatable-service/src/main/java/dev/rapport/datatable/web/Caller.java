package dev.rapport.datatable.web;

import dev.rapport.contract.Attribution;
import dev.rapport.contract.Roles;
import dev.rapport.datatable.DataTableConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who makes the current request: the subject of the bearer token, recorded in row history and events. */
@RequestScoped
public class Caller {
    private final JsonWebToken token;
    private final HttpHeaders headers;
    private final List<String> trustedClients;

    Caller(JsonWebToken token, HttpHeaders headers, DataTableConfig config) {
        this.token = token;
        this.headers = headers;
        this.trustedClients = config.attribution().trustedClients();
    }

    public String subject() {
        String subject = token.getSubject();
        return subject == null ? token.getName() : subject;
    }

    /**
     * Who a row change is recorded as. Only a trusted service client (listed in
     * {@code rapport.datatable.attribution.trusted-clients} and holding the {@code service} role) may name, in
     * {@value Attribution#HEADER}, the person it acts for; anyone else's header is ignored, so no person's or admin's
     * token can put a change on someone else. A header that does not read is ignored too.
     */
    public ChangeAuthor author() {
        String subject = subject();
        String header = headers.getHeaderString(Attribution.HEADER);
        if (header == null) {
            return ChangeAuthor.of(subject);
        }
        if (!trustedClients.contains(subject) || !token.getGroups().contains(Roles.SERVICE)) {
            Log.warnf("%s sent %s, which only %s may send: the change is recorded as theirs", subject,
                    Attribution.HEADER, trustedClients);
            return ChangeAuthor.of(subject);
        }
        return Attribution.parse(header).map(person -> ChangeAuthor.forPerson(subject, person)).orElseGet(() -> {
            Log.infof("%s sent an %s that does not read; the change is recorded as %s's", subject,
                    Attribution.HEADER, subject);
            return ChangeAuthor.of(subject);
        });
    }
}
