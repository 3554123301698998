package dev.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contract.failure.DomainException;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.LimitExceeded;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.contract.failure.DomainException.TooLarge;
import dev.rapport.contract.failure.DomainException.Unavailable;
import dev.rapport.contract.failure.DomainException.VersionMismatch;
import org.junit.jupiter.api.Test;

/** Paging bounds, If-Match and the status and code of each domain failure: what every service answers alike. */
class HttpConventionsTest {

    @Test
    void pagingDefaultsToGenesysAndRefusesOutOfBoundsNamingTheField() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(1, 25));
        assertThat(Paging.of(3, 10).offset()).isEqualTo(20);
        assertThat(Paging.of(1, 500)).isEqualTo(new Paging(1, 500));
        assertRefused(() -> Paging.of(0, 25), "pageNumber");
        assertRefused(() -> Paging.of(1, 0), "pageSize");
        assertRefused(() -> Paging.of(1, 501), "pageSize");
        assertRefused(() -> Paging.of(1, 101, 100), "pageSize");
        assertThat(Paging.descending("DESC")).isTrue();
        assertThat(Paging.descending(null)).isFalse();
        assertRefused(() -> Paging.descending("sideways"), "sortOrder");
    }

    @Test
    void ifMatchReadsQuotedWeakBareAndListedVersions() {
        assertThat(IfMatch.of(null).matches(7)).isTrue();
        assertThat(IfMatch.of(" * ").matches(7)).isTrue();
        assertThat(IfMatch.of("\"7\"").matches(7)).isTrue();
        assertThat(IfMatch.of("W/\"7\"").matches(7)).isTrue();
        assertThat(IfMatch.of("7").matches(7)).isTrue();
        assertThat(IfMatch.of("\"5\", W/\"7\"").matches(7)).isTrue();
        assertThat(IfMatch.of("\"6\"").matches(7)).isFalse();
        assertThat(IfMatch.of("\"77\"").matches(7)).isFalse();
        assertThat(IfMatch.of("W/\"6\"").versions()).isEqualTo("6");
        assertThat(IfMatch.tag(7).toString()).isEqualTo("\"7\"");
    }

    @Test
    void eachDomainFailureHasTheStatusAndCodeClientsKnow() {
        assertError(new NotFound("x"), 404, "not.found");
        assertError(new Conflict("x"), 409, "conflict");
        assertError(new VersionMismatch("x"), 412, "precondition.failed");
        assertError(new VersionMismatch("draft.changed", "x"), 412, "draft.changed");
        assertError(InvalidInput.field("name", "x"), 400, "bad.request");
        assertError(new LimitExceeded("x"), 400, "limit.exceeded");
        assertError(new TooLarge("x"), 413, "payload.too.large");
        assertError(new Unavailable("x", null), 503, "service.unavailable");
    }

    private static void assertRefused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.details()).singleElement().satisfies(d -> {
                    assertThat(d.fieldName()).isEqualTo(field);
                    assertThat(d.errorCode()).isEqualTo("invalid.value");
                }));
    }

    private static void assertError(DomainException e, int status, String code) {
        assertThat(DomainErrors.status(e)).isEqualTo(status);
        assertThat(DomainErrors.code(e)).isEqualTo(code);
    }
}
