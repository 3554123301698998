package dev.rapport.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a fresh database on a real PostgreSQL server:
 * {@code @WithTestResource(RapportInfraResource.class)}. Nothing here needs Docker.
 */
public class RapportInfraResource implements QuarkusTestResourceLifecycleManager {
    private TestKafka kafka;
    private String databasePrefix = "test";
    private boolean precreate = true;
    private boolean sasl;

    /**
     * Arguments: {@code database} (a name prefix for the fresh database, or {@code none} for a service without one),
     * {@code precreate} ({@code false} names a database that does not exist yet, for the service to create) and
     * {@code kafka} ({@code sasl-plain}: a broker that asks for SASL PLAIN, and the service's {@code kafka.*}
     * credentials for it).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
        precreate = Boolean.parseBoolean(initArgs.getOrDefault("precreate", "true"));
        sasl = "sasl-plain".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        kafka = sasl ? TestKafka.startSaslPlain() : TestKafka.start();
        Map<String, String> config = new HashMap<>();
        kafka.clientSettings().forEach((k, v) -> config.put("kafka." + k, v));
        config.put("mp.jwt.verify.publickey.location", TestTokens.get().publicKeyLocation());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        // Not under "rapport.": services map that prefix strictly. The gateway reads it in its test profile.
        config.put("testkit.jwt.private-key-path", TestTokens.get().privateKeyPath());
        if (!"none".equals(databasePrefix)) {
            TestPostgres pg = TestPostgres.get();
            config.put("quarkus.datasource.jdbc.url",
                    precreate ? pg.newDatabase(databasePrefix) : pg.unusedDatabaseUrl(databasePrefix));
            config.put("quarkus.datasource.username", pg.user());
            if (!pg.password().isEmpty()) {
                config.put("quarkus.datasource.password", pg.password());
            }
        }
        return config;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
