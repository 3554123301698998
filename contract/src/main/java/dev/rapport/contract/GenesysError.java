package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Genesys Cloud's error body, so clients written for Genesys read Rapport's errors the same way. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GenesysError(String message, String code, int status, String contextId, List<Detail> details) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String errorCode, String fieldName, String message) {
    }
}
