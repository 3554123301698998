package dev.rapport.e2e;

import dev.rapport.testkit.TestKafka;
import dev.rapport.testkit.TestPostgres;
import dev.rapport.testkit.TestTokens;
import java.util.HashMap;
import java.util.Map;

/** The real broker and database the service processes share in one test class. */
final class Infra implements AutoCloseable {
    /**
     * The demo's passwords and client secrets (admin/admin, alex/alex, ivr/ivr-secret, action-service-secret,
     * script-service-demo-secret), hashed with 1,000 PBKDF2 rounds instead of the demo's 210,000: each sign-in costs
     * the gateway a second of CPU at 210,000 on this machine's JIT settings, and the tests sign in some 150 times. The
     * same code checks them (the rounds travel with the hash, PasswordHash accepts 1,000 and up); only the gateway
     * reads these variables (application.properties, %demo).
     */
    static final Map<String, String> CHEAP_DEMO_HASHES = Map.of(
            "RAPPORT_DEMO_ADMIN_PASSWORD_HASH",
            "$pbkdf2-sha512$1000$BWQRFCe+vC9ZenCLEgRkqg$6J34+TGVhayb+yNsFrqv/PO8xPTTNEvkTRxlGeMcHDU",
            "RAPPORT_DEMO_AGENT_PASSWORD_HASH",
            "$pbkdf2-sha512$1000$qAIxQGVQ0ib2nuxOOEIPIg$PSP2DSLGCXMj2VO6NzxYg4w580ZDLp0Vh7q/XJxKtVY",
            "RAPPORT_DEMO_IVR_SECRET_HASH",
            "$pbkdf2-sha512$1000$+mccOvIlm5vgUL7EkEjeFg$xgBFaYzCdDqEqEYNPdyQualQ7xiQ5Oe9uYUGAaKT04Y",
            "RAPPORT_ACTION_SERVICE_SECRET_HASH",
            "$pbkdf2-sha512$1000$Msjy1uXUabNmo4TsBnoITA$6jbGS2HUDz8QSL/y3EQCHbcfm5HfQ736co5wmT11e/w",
            "RAPPORT_SCRIPT_SERVICE_SECRET_HASH",
            "$pbkdf2-sha512$1000$+cuZAEG8OeEHQYM3ZPq5NA$XcchvLWwXCpEq4Wxg/RyWu6tB6lqr1kYM07b3FQZKbo");

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
        env.putAll(CHEAP_DEMO_HASHES);
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
