package dev.rapport.gateway.adapters.twilio;

import dev.rapport.gateway.adapters.AdapterRefusal;
import dev.rapport.gateway.adapters.AdapterRequests;
import dev.rapport.gateway.adapters.AdapterSwitches;
import dev.rapport.gateway.adapters.AdaptersConfig;
import dev.rapport.gateway.adapters.PlatformFields;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Twilio's webhooks (docs/ivr/twilio.md). Twilio's signature, not a bearer token, proves who calls: a request
 * without a valid X-Twilio-Signature is refused (403) before anything in it is used.
 */
@Path("/api/v2/adapters/twilio")
@PermitAll
public class TwilioResource {
    static final String SIGNATURE = "X-Twilio-Signature";
    static final String DELIVERY = "I-Twilio-Idempotency-Token";
    private static final int MAX_URL = 2048;

    private final AdaptersConfig config;
    private final AdapterSwitches switches;
    private final AdapterRequests requests;
    private final TwilioAdapter adapter;

    TwilioResource(AdaptersConfig config, AdapterSwitches switches, AdapterRequests requests, TwilioAdapter adapter) {
        this.config = config;
        this.switches = switches;
        this.requests = requests;
        this.adapter = adapter;
    }

    /** The incoming call webhook and the status callback: {@code CallStatus}. */
    @POST
    @Path("/status")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public CompletionStage<Response> status(@HeaderParam(SIGNATURE) String signature,
                                            @HeaderParam(DELIVERY) String delivery, @QueryParam("next") String next,
                                            @Context HttpServerRequest http, InputStream body) {
        return take(TwilioRequest.Endpoint.STATUS, signature, delivery, next, null, null, http, body);
    }

    /** A {@code <Gather>}'s action: {@code Digits}, {@code SpeechResult}. */
    @POST
    @Path("/gather")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public CompletionStage<Response> gather(@HeaderParam(SIGNATURE) String signature,
                                            @HeaderParam(DELIVERY) String delivery, @QueryParam("next") String next,
                                            @QueryParam("digits") String digits, @QueryParam("speech") String speech,
                                            @Context HttpServerRequest http, InputStream body) {
        return take(TwilioRequest.Endpoint.GATHER, signature, delivery, next, digits, speech, http, body);
    }

    private CompletionStage<Response> take(TwilioRequest.Endpoint endpoint, String signature, String delivery,
                                           String next, String digits, String speech, HttpServerRequest http,
                                           InputStream body) {
        if (!switches.twilioOn()) {
            throw AdapterRefusal.off("Twilio", "RAPPORT_ADAPTERS_TWILIO_AUTH_TOKEN");
        }
        if (signature == null || signature.isEmpty()) {
            throw AdapterRefusal.signatureInvalid("The " + SIGNATURE + " header is required");
        }
        TwilioWebhook webhook = TwilioWebhook.parse(requests.read(body));
        String url = signedUrl(config.twilio().publicUrl(), http.uri(), http.absoluteURI());
        if (!TwilioSignature.matches(config.twilio().authToken().orElseThrow(), url, webhook, signature)) {
            // The URL is what to compare with Twilio's console; the signature and the token are never logged.
            Log.warnf("Twilio request refused: %s does not sign it for %s (is that the URL Twilio calls? "
                    + "rapport.adapters.twilio.public-url)", SIGNATURE, url);
            throw AdapterRefusal.signatureInvalid("The " + SIGNATURE + " header does not sign this request for the "
                    + "URL it came to; behind a proxy, set rapport.adapters.twilio.public-url (docs/ivr/twilio.md)");
        }
        AdaptersConfig.Twilio twilio = config.twilio();
        TwilioRequest request = new TwilioRequest(endpoint, webhook, delivery, nextUrl(next),
                attributeName(digits, "digits", twilio.digitsAttribute()),
                attributeName(speech, "speech", twilio.speechAttribute()));
        return requests.deliver(TwilioAdapter.PLATFORM, adapter.translate(request));
    }

    /**
     * The URL Twilio signed: the configured public address followed by this request's path and query (as sent), or
     * the URL as received.
     */
    static String signedUrl(Optional<URI> publicUrl, String pathAndQuery, String received) {
        // A request without a Host header has no absolute URL: nothing Twilio signed matches it.
        return publicUrl.map(base -> base.toString().replaceAll("/+$", "") + pathAndQuery)
                .orElse(received == null ? "" : received);
    }

    private static URI nextUrl(String next) {
        if (next == null || next.isEmpty()) {
            return null;
        }
        String url = PlatformFields.required(next, "next", MAX_URL);
        try {
            URI uri = new URI(url);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw PlatformFields.invalid("next", "is not an absolute http(s) URL");
    }

    private static String attributeName(String given, String parameter, String configured) {
        return given == null || given.isEmpty() ? configured
                : PlatformFields.required(given, parameter, PlatformFields.NAME);
    }
}
