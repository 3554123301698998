package dev.rapport.gateway.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.failure.DomainException;
import dev.rapport.gateway.ingest.InputLimits;
import dev.rapport.gateway.ingest.InteractionPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionStage;

/** The steps every adapter's resource shares: the body read within its bound, and the translation delivered. */
@ApplicationScoped
public class AdapterRequests {
    private static final String SOURCE = "/rapport/gateway/adapters/";

    private final InputLimits limits;
    private final InteractionPublisher publisher;
    private final ObjectMapper json;

    AdapterRequests(InputLimits limits, InteractionPublisher publisher, ObjectMapper json) {
        this.limits = limits;
        this.publisher = publisher;
        this.json = json;
    }

    /** The request body, read no further than {@code rapport.gateway.limits.adapter-request-bytes}: over it, 413. */
    public byte[] read(InputStream body) {
        int limit = limits.adapterRequestBytes();
        try {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new DomainException.TooLarge("The request is over " + limit
                        + " bytes, the most an adapter reads");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body read within its bound as JSON of {@code type}; fields the type does not name are ignored. Unreadable
     * JSON, or a value of the wrong type, is a 400 naming where (the API's mapper of {@link JsonProcessingException}).
     */
    public <T> T readJson(InputStream body, Class<T> type) throws JsonProcessingException {
        byte[] bytes = read(body);
        T value;
        try {
            value = bytes.length == 0 ? null : json.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from bytes in memory
        }
        if (value == null) {
            throw PlatformFields.invalid("/", "a JSON object is required");
        }
        return value;
    }

    /** Produces the events (all checked first, then in order) and answers once the broker acknowledged them. */
    public CompletionStage<Response> deliver(String platform, Translation translation) {
        return publisher.publish(translation.events(), SOURCE + platform).thenApply(ignored -> Response
                .status(translation.status()).type(translation.mediaType()).entity(translation.body()).build());
    }
}
