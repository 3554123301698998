package dev.rapport.gateway.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InteractionEvent.Kind;
import dev.rapport.contract.InvalidEventException;
import dev.rapport.gateway.adapters.Translation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each CallStatus Twilio documents, and a Gather, to Rapport's events (without HTTP or Kafka). */
class TwilioMappingTest {
    private final TwilioAdapter adapter = new TwilioAdapter();

    private Translation status(String form) {
        return adapter.translate(new TwilioRequest(TwilioRequest.Endpoint.STATUS,
                TwilioWebhook.parse(form.getBytes(StandardCharsets.UTF_8)), null, null, "Digits", "SpeechResult"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"completed", "busy", "failed", "no-answer", "canceled"})
    void aCallThatIsOverHasEndedWithItsStatusAsTheReason(String callStatus) {
        List<InteractionEvent> events = status("CallSid=CA1&CallStatus=" + callStatus).events();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Kind.ENDED);
            assertThat(e.reason()).isEqualTo(callStatus);
            assertThat(e.interactionId()).isEqualTo("CA1");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ringing", "in-progress"})
    void aLiveCallIsStartedWithTheSameEventIdWhicheverStatusSaysSo(String callStatus) {
        InteractionEvent started = status("CallSid=CA1&From=%2B1720&To=%2B1303&CallStatus=" + callStatus)
                .events().get(0);
        assertThat(started.type()).isEqualTo(Kind.STARTED);
        assertThat(started.id()).isEqualTo(status("CallSid=CA1&From=%2B1720&CallStatus=ringing").events().get(0).id());
        assertThat(started.ani()).isEqualTo("+1720");
    }

    @Test
    void aQueuedCallIsNothingYetAndAnUnknownStatusIsRefusedByName() {
        assertThat(status("CallSid=CA1&CallStatus=queued").events()).isEmpty();
        assertThatThrownBy(() -> status("CallSid=CA1&CallStatus=exploded"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .extracting(InvalidEventException.Violation::field).containsExactly("CallStatus"));
        assertThatThrownBy(() -> status("CallSid=CA1&CallStatus=ringing"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .extracting(InvalidEventException.Violation::field).containsExactly("From"));
    }

    @Test
    void aGatherWithoutInputSetsNothingAndTheAnswerIsTwiML() {
        Translation answer = adapter.translate(new TwilioRequest(TwilioRequest.Endpoint.GATHER,
                TwilioWebhook.parse("CallSid=CA1&From=1&CallStatus=in-progress&Digits="
                        .getBytes(StandardCharsets.UTF_8)),
                "token-1", null, "Digits", "SpeechResult"));
        assertThat(answer.events()).extracting(InteractionEvent::type).containsExactly(Kind.STARTED);
        assertThat(answer.mediaType()).isEqualTo("text/xml");
        assertThat(answer.body()).contains("<Response/>");
    }
}
