package io.imagepipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagepipe.broker.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pipeline on production settings: the real PostgreSQL on 127.0.0.1:5432 (in a schema of its own;
 * the schemas of earlier runs are dropped first) and an external Kafka broker named by
 * {@code spring.kafka.bootstrap-servers}, which turns the embedded one off.
 */
class PostgresPipelineTest extends PipelineTestBase {

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "imagepipe_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final ExternalBroker BROKER = new ExternalBroker();

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void productionSettings(DynamicPropertyRegistry registry) throws Exception {
        dropSchemasOfEarlierRuns();
        registry.add("spring.datasource.url", () -> POSTGRES_URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        String dataDir = Files.createTempDirectory("imagepipe-pg").toString();
        registry.add("imagepipe.data-dir", () -> dataDir);
    }

    private static void dropSchemasOfEarlierRuns() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             Statement statement = connection.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "select nspname from pg_namespace where nspname like 'imagepipe\\_it\\_%'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            for (String schema : schemas) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void runsOnPostgresqlWithTheExternalBrokerAndNoEmbeddedOne() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getSchema()).isEqualTo(SCHEMA);
        }
        assertThat(context.getBeansOfType(EmbeddedKafkaBroker.class)).isEmpty();
    }

    /** A broker outside the application context, started on first use and left to the JVM's end, as an external cluster would be. */
    static final class ExternalBroker {

        private EmbeddedKafkaBroker broker;

        synchronized String bootstrapServers() {
            if (broker == null) {
                try {
                    broker = new EmbeddedKafkaBroker(Files.createTempDirectory("external-kafka"), 0);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                broker.start();
            }
            return broker.bootstrapServers();
        }
    }
}
