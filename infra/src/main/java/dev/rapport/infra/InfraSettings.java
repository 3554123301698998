package dev.rapport.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link RapportInfra} starts and where. Every option has a default that works on a developer machine; the
 * database role comes from the same environment variables the services read (DB_USER, DB_PASSWORD).
 */
public record InfraSettings(
        Path dataDir,
        Path postgresBinariesDir,
        Path logsDir,
        String host,
        boolean postgres,
        int postgresPort,
        String dbUser,
        String dbPassword,
        boolean kafka,
        int kafkaPort,
        int controllerPort,
        int partitions) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_CONTROLLER_PORT = 19093;

    static final String USAGE = """
            usage: java -cp 'infra/target/infra.jar:infra/target/lib/*' dev.rapport.infra.RapportInfra [options]
              --data DIR             data folder, kept between runs (default .rapport/data):
                                     DIR/postgres (PostgreSQL cluster), DIR/kafka (broker log dirs)
              --logs DIR             where kafka.log and postgres.log go (default DATA/logs)
              --pg-binaries DIR      where the PostgreSQL binaries are unpacked (default .rapport/pg-binaries)
              --host HOST            address to listen on (default 127.0.0.1)
              --pg-port N            PostgreSQL port (default 15432)
              --kafka-port N         Kafka PLAINTEXT listener (default 19092)
              --controller-port N    Kafka KRaft controller listener (default 19093)
              --partitions N         partitions of auto-created topics (default $RAPPORT_KAFKA_PARTITIONS or 12)
              --no-postgres          do not start PostgreSQL (an external server is used)
              --no-kafka             do not start Kafka (an external broker is used)
            environment: DB_USER, DB_PASSWORD (default rapport/rapport): the login role made sure of in PostgreSQL
            """;

    public String jdbcBase() {
        return "jdbc:postgresql://" + host + ":" + postgresPort + "/";
    }

    public String bootstrapServers() {
        return host + ":" + kafkaPort;
    }

    /** Defaults for a data folder; ports and the rest as documented in {@link #USAGE}. */
    public static InfraSettings defaults(Path dataDir, Map<String, String> env) {
        return new InfraSettings(dataDir, Path.of(".rapport", "pg-binaries"), dataDir.resolve("logs"), "127.0.0.1",
                true, DEFAULT_POSTGRES_PORT, env.getOrDefault("DB_USER", "rapport"), env.getOrDefault("DB_PASSWORD", "rapport"),
                true, DEFAULT_KAFKA_PORT, DEFAULT_CONTROLLER_PORT,
                Integer.parseInt(env.getOrDefault("RAPPORT_KAFKA_PARTITIONS", "12")));
    }

    /** Parses command-line options over the defaults; throws IllegalArgumentException with a message for the user. */
    public static InfraSettings parse(String[] args, Map<String, String> env) {
        InfraSettings d = defaults(Path.of(".rapport", "data"), env);
        Path dataDir = d.dataDir;
        Path binaries = d.postgresBinariesDir;
        Path logs = null;
        String host = d.host;
        boolean postgres = true;
        boolean kafka = true;
        int pgPort = d.postgresPort;
        int kafkaPort = d.kafkaPort;
        int controllerPort = d.controllerPort;
        int partitions = d.partitions;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--data" -> dataDir = Path.of(value(option, rest));
                case "--pg-binaries" -> binaries = Path.of(value(option, rest));
                case "--logs" -> logs = Path.of(value(option, rest));
                case "--host" -> host = value(option, rest);
                case "--pg-port" -> pgPort = number(option, rest, 1, 65_535);
                case "--kafka-port" -> kafkaPort = number(option, rest, 1, 65_535);
                case "--controller-port" -> controllerPort = number(option, rest, 1, 65_535);
                case "--partitions" -> partitions = number(option, rest, 1, 10_000);
                case "--no-postgres" -> postgres = false;
                case "--no-kafka" -> kafka = false;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!postgres && !kafka) {
            throw new IllegalArgumentException("--no-postgres and --no-kafka together leave nothing to start");
        }
        return new InfraSettings(dataDir, binaries, logs == null ? dataDir.resolve("logs") : logs, host,
                postgres, pgPort, d.dbUser, d.dbPassword,
                kafka, kafkaPort, controllerPort, partitions);
    }

    public InfraSettings withPostgresBinariesDir(Path dir) {
        return new InfraSettings(dataDir, dir, logsDir, host, postgres, postgresPort, dbUser, dbPassword,
                kafka, kafkaPort, controllerPort, partitions);
    }

    public InfraSettings withPorts(int postgresPort, int kafkaPort, int controllerPort) {
        return new InfraSettings(dataDir, postgresBinariesDir, logsDir, host, postgres, postgresPort, dbUser, dbPassword,
                kafka, kafkaPort, controllerPort, partitions);
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static int number(String option, List<String> rest, int min, int max) {
        String v = value(option, rest);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + v, e);
        }
    }
}
