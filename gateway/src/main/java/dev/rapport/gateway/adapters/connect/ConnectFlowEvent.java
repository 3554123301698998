package dev.rapport.gateway.adapters.connect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What an Amazon Connect contact flow's "Invoke AWS Lambda function" block sends ({@code Name: ContactFlowEvent}),
 * with the fields Rapport reads; the others are ignored. Forwarded as it is, or as the {@code detail} of an Amazon
 * EventBridge event (an API destination without an input transformer).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectFlowEvent(@JsonProperty("Name") String name, @JsonProperty("Details") Details details,
                               @JsonProperty("detail") ConnectFlowEvent detail) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(@JsonProperty("ContactData") ContactData contactData,
                          @JsonProperty("Parameters") Map<String, String> parameters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactData(@JsonProperty("ContactId") String contactId,
                              @JsonProperty("InitialContactId") String initialContactId,
                              @JsonProperty("Channel") String channel,
                              @JsonProperty("CustomerEndpoint") Endpoint customerEndpoint,
                              @JsonProperty("SystemEndpoint") Endpoint systemEndpoint,
                              @JsonProperty("Attributes") Map<String, String> attributes,
                              @JsonProperty("Queue") Queue queue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoint(@JsonProperty("Address") String address, @JsonProperty("Type") String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Queue(@JsonProperty("Name") String name, @JsonProperty("ARN") String arn) {
    }
}
