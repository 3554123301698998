package dev.rapport.gateway.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** X-Twilio-Signature as Twilio's security documentation computes it, and the URL it is computed over. */
class TwilioSignatureTest {
    /** The example of Twilio's webhook security page: Auth Token 12345, this URL, these parameters. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final TwilioWebhook DOCUMENTED = TwilioWebhook.parse(("CallSid=CA1234567890ABCDE"
            + "&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212")
            .getBytes(StandardCharsets.UTF_8));

    @Test
    void theDocumentedExampleGivesTheDocumentedSignature() {
        assertThat(TwilioSignature.sign("12345", URL, DOCUMENTED)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(TwilioSignature.matches("12345", URL, DOCUMENTED, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    void parametersCountByNameWhateverTheOrderTheyCameIn() {
        TwilioWebhook shuffled = new TwilioWebhook(List.of(new TwilioWebhook.Param("To", "+18005551212"),
                new TwilioWebhook.Param("Digits", "1234"), new TwilioWebhook.Param("From", "+12349013030"),
                new TwilioWebhook.Param("CallSid", "CA1234567890ABCDE"),
                new TwilioWebhook.Param("Caller", "+12349013030")));
        assertThat(TwilioSignature.matches("12345", URL, shuffled, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    void anotherTokenAnotherParameterValueOrAnotherUrlDoNotMatch() {
        String signature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
        assertThat(TwilioSignature.matches("54321", URL, DOCUMENTED, signature)).isFalse();
        TwilioWebhook changed = TwilioWebhook.parse(("CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1235"
                + "&From=%2B12349013030&To=%2B18005551212").getBytes(StandardCharsets.UTF_8));
        assertThat(TwilioSignature.matches("12345", URL, changed, signature)).isFalse();
        assertThat(TwilioSignature.matches("12345", URL.replace("bar=2", "bar=3"), DOCUMENTED, signature)).isFalse();
        assertThat(TwilioSignature.matches("12345", URL, DOCUMENTED, "")).isFalse();
    }

    @Test
    void theDefaultPortWrittenOrLeftOutSignsTheSame() {
        String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
        String signature = TwilioSignature.sign("12345", withPort, DOCUMENTED);
        assertThat(TwilioSignature.matches("12345", URL, DOCUMENTED, signature)).isTrue();
        assertThat(TwilioSignature.matches("12345", withPort, DOCUMENTED, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
        assertThat(TwilioSignature.withAndWithoutDefaultPort("http://127.0.0.1:8080/x"))
                .containsExactly("http://127.0.0.1:8080/x");
    }

    @Test
    void behindAProxyTheConfiguredPublicUrlReplacesSchemeHostAndPort() {
        String received = "http://10.0.0.7:8080/api/v2/adapters/twilio/gather?digits=AccountNumber";
        assertThat(TwilioResource.signedUrl(Optional.empty(), "/api/v2/adapters/twilio/gather?digits=AccountNumber",
                received)).isEqualTo(received);
        assertThat(TwilioResource.signedUrl(Optional.of(URI.create("https://rapport.example.com/ivr/")),
                "/api/v2/adapters/twilio/gather?digits=AccountNumber", received))
                .isEqualTo("https://rapport.example.com/ivr/api/v2/adapters/twilio/gather?digits=AccountNumber");
    }

    @Test
    void formBodiesAreDecodedAsTwilioEncodesThem() {
        TwilioWebhook webhook = TwilioWebhook.parse("SpeechResult=I+want+%22this%22&Digits=&Empty"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(webhook.first("SpeechResult")).isEqualTo("I want \"this\"");
        assertThat(webhook.first("Digits")).isEmpty();
        assertThat(webhook.first("Empty")).isEmpty();
        assertThat(webhook.first("CallSid")).isNull();
    }
}
