package dev.rapport.action.integrations;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rapport.action.engine.IntegrationContext;
import dev.rapport.action.integrations.IntegrationViews.CreateIntegration;
import dev.rapport.action.integrations.IntegrationViews.CredentialInfo;
import dev.rapport.action.integrations.IntegrationViews.IntegrationView;
import dev.rapport.action.integrations.IntegrationViews.SetCredentials;
import dev.rapport.action.integrations.IntegrationViews.TypeRef;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Integrations and their credentials. Decrypted credentials leave this class only towards the action engine. */
@ApplicationScoped
public class IntegrationService {
    static final Set<String> TYPES = Set.of(IntegrationContext.PURECLOUD, IntegrationContext.CUSTOM_REST);
    static final Set<String> CREDENTIAL_TYPES = Set.of("basicAuth", "userDefined", "userDefinedOAuth",
            "pureCloudOAuthClient");

    private final CredentialCipher cipher;

    IntegrationService(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    @Transactional
    public IntegrationView create(CreateIntegration body) {
        if (body == null || body.integrationType() == null || body.integrationType().id() == null) {
            throw InvalidInput.field("integrationType.id", "integrationType.id is required");
        }
        if (!TYPES.contains(body.integrationType().id())) {
            throw InvalidInput.field("integrationType.id", "integration type '" + body.integrationType().id()
                    + "' is not supported; use one of " + TYPES);
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 256) {
            throw InvalidInput.field("name", "name is required (at most 256 characters)");
        }
        Integration integration = new Integration();
        integration.id = UUID.randomUUID().toString();
        integration.name = body.name().trim();
        integration.integrationType = body.integrationType().id();
        integration.createdAt = Instant.now();
        integration.updatedAt = integration.createdAt;
        integration.persist();
        return view(integration);
    }

    public EntityListing.Page<IntegrationView> list(Paging paging) {
        var query = Integration.<Integration>findAll(Sort.by("name"))
                .page(Page.of(paging.pageNumber() - 1, paging.pageSize()));
        return new EntityListing.Page<>(query.list().stream().map(IntegrationService::view).toList(), query.count());
    }

    public IntegrationView get(String id) {
        return view(find(id));
    }

    @Transactional
    public void delete(String id) {
        Integration integration = find(id);
        long actions = Integration.getEntityManager()
                .createQuery("select count(a) from DataAction a where a.integrationId = ?1", Long.class)
                .setParameter(1, id).getSingleResult();
        if (actions > 0) {
            throw new Conflict("integration " + id + " still has " + actions + " actions; delete them first");
        }
        integration.delete();
    }

    @Transactional
    public CredentialInfo setCredentials(String id, SetCredentials body) {
        Integration integration = find(id);
        if (body == null || body.type() == null || !CREDENTIAL_TYPES.contains(body.type())) {
            throw InvalidInput.field("type", "credential type must be one of " + CREDENTIAL_TYPES);
        }
        Map<String, String> fields = body.credentialFields() == null ? Map.of() : body.credentialFields();
        if (body.type().equals("basicAuth") && (!fields.containsKey("userName") || !fields.containsKey("password"))) {
            throw InvalidInput.field("credentialFields", "basicAuth needs userName and password");
        }
        integration.credentialType = body.type();
        integration.credentialFields = new ArrayList<>(fields.keySet());
        integration.credentialCiphertext = cipher.encrypt(EventJson.write(fields)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), integration.id);
        integration.updatedAt = Instant.now();
        return credentialInfo(integration);
    }

    /** The integration as the engine needs it, with decrypted credentials. */
    public IntegrationContext context(String id) {
        Integration integration = find(id);
        Map<String, String> credentials = Map.of();
        if (integration.credentialCiphertext != null) {
            String json = new String(cipher.decrypt(integration.credentialCiphertext, integration.id),
                    java.nio.charset.StandardCharsets.UTF_8);
            try {
                credentials = EventJson.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
            } catch (Exception e) {
                throw new IllegalStateException("credentials of integration " + id + " are unreadable", e);
            }
        }
        return new IntegrationContext(integration.integrationType, integration.credentialType, credentials);
    }

    public Integration find(String id) {
        Integration integration = id == null ? null : Integration.findById(id);
        if (integration == null) {
            throw new NotFound("integration " + id + " not found");
        }
        return integration;
    }

    static IntegrationView view(Integration i) {
        return new IntegrationView(i.id, i.name, new TypeRef(i.integrationType), "ENABLED", credentialInfo(i),
                "/api/v2/integrations/" + i.id);
    }

    private static CredentialInfo credentialInfo(Integration i) {
        return i.credentialType == null ? null
                : new CredentialInfo(i.credentialType, i.credentialFields == null ? List.of() : i.credentialFields);
    }
}
