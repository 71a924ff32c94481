package io.imagepipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagepipe.broker.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The pipeline on the embedded defaults: an H2 file database and the in-process Kafka broker, under a fresh data folder. */
class EmbeddedPipelineTest extends PipelineTestBase {

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("imagepipe-embedded").toString();
        registry.add("imagepipe.data-dir", () -> dataDir);
    }

    @Test
    void runsOnTheEmbeddedDatabaseAndBroker() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThat(context.getBeansOfType(EmbeddedKafkaBroker.class)).hasSize(1);
    }
}
