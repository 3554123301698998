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

    /**
     * Arguments: {@code database} (a name prefix for the fresh database, or {@code none} for a service without one)
     * and {@code precreate} ({@code false} names a database that does not exist yet, for the service to create).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
        precreate = Boolean.parseBoolean(initArgs.getOrDefault("precreate", "true"));
    }

    @Override
    public Map<String, String> start() {
        kafka = TestKafka.start();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
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
