package dev.rapport.e2e;

import dev.rapport.testkit.TestKafka;
import dev.rapport.testkit.TestPostgres;
import dev.rapport.testkit.TestTokens;
import java.util.HashMap;
import java.util.Map;

/** The real broker and database the service processes share in one test class. */
final class Infra implements AutoCloseable {
    final TestKafka kafka = TestKafka.start();
    final TestPostgres postgres = TestPostgres.get();

    /** Environment of a service process; {@code database} null for the gateway. */
    Map<String, String> env(String databaseUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // The system under test runs as ./rapport up runs it: the demo's identities and secrets.
        env.put("QUARKUS_PROFILE", "prod,demo");
        env.put("RAPPORT_JWT_PUBLIC_KEY", TestTokens.get().publicKeyLocation());
        env.put("RAPPORT_JWT_ISSUER", TestTokens.ISSUER);
        if (databaseUrl != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", databaseUrl);
            env.put("DB_USER", postgres.user());
            env.put("DB_PASSWORD", postgres.password().isEmpty() ? "unused" : postgres.password());
        }
        return env;
    }

    @Override
    public void close() {
        kafka.close();
    }
}
