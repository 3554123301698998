package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Genesys Cloud's error body, so clients written for Genesys read Rapport's errors the same way. {@code messageParams}
 * names what the message is about (e.g. the {@code path} of a request Rapport does not serve); mostly absent.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GenesysError(String message, String code, int status, Map<String, String> messageParams,
                           String contextId, List<Detail> details) {

    public GenesysError(String message, String code, int status, String contextId, List<Detail> details) {
        this(message, code, status, null, contextId, details);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String errorCode, String fieldName, String message) {
    }
}
