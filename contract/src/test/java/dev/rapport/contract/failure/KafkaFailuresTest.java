package dev.rapport.contract.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.InvalidEventException;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.contract.failure.DomainException.Unavailable;
import dev.rapport.contract.failure.KafkaFailures.DeadLetter;
import dev.rapport.contract.failure.KafkaFailures.Retry;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;

class KafkaFailuresTest {

    @Test
    void invalidInputIsDeadLetteredWithAReasonNamingTheField() {
        var verdict = KafkaFailures.judge(InvalidInput.field("/ani", "65 characters, at most 64"));
        assertThat(verdict).isInstanceOfSatisfying(DeadLetter.class,
                d -> assertThat(d.reason()).isEqualTo("65 characters, at most 64 (/ani)"));
    }

    @Test
    void aContractViolationIsInvalidInput() {
        var e = new InvalidEventException("value too large",
                List.of(new InvalidEventException.Violation("/value", "longer than at most 16384 characters")));
        assertThat(e).isInstanceOf(InvalidInput.class);
        assertThat(e.details()).singleElement().satisfies(d -> assertThat(d.fieldName()).isEqualTo("/value"));
        assertThat(KafkaFailures.judge(e)).isEqualTo(new DeadLetter(
                "value too large: /value: longer than at most 16384 characters"));
    }

    @Test
    void aWrappedDomainExceptionDecidesByItsKind() {
        var wrapped = new RuntimeException("transaction rolled back", new NotFound("Script s has no version 3"));
        assertThat(KafkaFailures.judge(wrapped)).isInstanceOf(DeadLetter.class);
    }

    @Test
    void infrastructureFailuresAreRetriedNotDeadLettered() {
        assertThat(KafkaFailures.judge(new Unavailable("datatable-service did not answer", null)))
                .isInstanceOf(Retry.class);
        var databaseDown = new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Connection refused", "08001"));
        assertThat(KafkaFailures.judge(databaseDown)).isInstanceOf(Retry.class);
        assertThat(KafkaFailures.judge(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isInstanceOf(Retry.class);
        assertThat(KafkaFailures.judge(new RuntimeException(new NotEnoughReplicasException("2 < 3"))))
                .isInstanceOf(Retry.class);
        assertThat(KafkaFailures.judge(new UncheckedIOException(new ConnectException("refused"))))
                .isInstanceOf(Retry.class);
    }

    @Test
    void aValueTheDatabaseRefusesAndAnUnexpectedFailureAreTheRecordsOwn() {
        var nul = new RuntimeException("could not execute statement",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        assertThat(KafkaFailures.judge(nul)).isInstanceOf(DeadLetter.class);
        assertThat(KafkaFailures.judge(new IllegalArgumentException("unknown page 'p9'")))
                .isEqualTo(new DeadLetter("unknown page 'p9'"));
        assertThat(KafkaFailures.judge(new NullPointerException())).isEqualTo(new DeadLetter("NullPointerException"));
    }

    @Test
    void aLongReasonIsCut() {
        var reason = ((DeadLetter) KafkaFailures.judge(new IllegalStateException("x".repeat(5_000)))).reason();
        assertThat(reason).hasSize(KafkaFailures.MAX_REASON + 1).endsWith("…");
    }
}
