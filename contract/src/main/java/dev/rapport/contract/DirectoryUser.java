package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A person of the user directory, on topic {@link Topics#USERS} (compacted, keyed by {@code id}). The gateway
 * publishes each configured user at start; the same user published twice is the same record, so two gateways agree.
 * Schema: {@code schemas/user.v1.json}. Never carries a credential.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectoryUser(String id, String name, String email, List<String> roles) {
}
