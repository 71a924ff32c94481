package io.imagepipe.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagepipe.testsupport.ApiClient;
import io.imagepipe.testsupport.TestImageServer;
import io.imagepipe.testsupport.TestImages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Kills things mid-run and checks that every accepted request still finishes exactly once. Real OS
 * processes: a Kafka broker of its own, ImagePipe as one {@code api}, two {@code worker} and two
 * {@code processor} processes, the real PostgreSQL, and a local image server. While requests of at least
 * {@code faults.images} images (500 by default) run, it SIGKILLs a worker, a processor and the api and
 * starts them again, kills and restarts the broker, cuts every database connection, and makes the image
 * server fail (503) and then slow for a while. Then it reads the database and Kafka.
 */
class FaultToleranceTest {

    static final int IMAGES = Integer.getInteger("faults.images", 500);
    static final int PER_REQUEST = 100;
    static final String SCHEMA = "imagepipe_faults_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String APP_NAME = "imagepipe-faults";
    static final Duration FINISH_WITHIN = Duration.ofMinutes(Integer.getInteger("faults.minutes", 6));

    static Path work;
    static TestImageServer images;
    static List<byte[]> sources;
    static int kafkaPort;
    static int apiPort;
    static OsProcess kafka;
    static OsProcess api;
    static final List<OsProcess> workers = new ArrayList<>();
    static final List<OsProcess> processors = new ArrayList<>();
    static final List<Integer> ports = new ArrayList<>();
    static final List<String> accepted = new ArrayList<>();
    static final List<String> urls = new ArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        work = Files.createTempDirectory("imagepipe-faults");
        dropSchemasOfEarlierRuns();
        images = TestImageServer.start();
        sources = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sources.add(TestImages.jpeg(TestImages.photo(1024, 768, i), 90));
        }
        kafkaPort = freePort();
        apiPort = freePort();
        kafka = new OsProcess("kafka", work, "io.imagepipe.testsupport.StandaloneKafka", List.of(),
                List.of(work.resolve("kafka").toString(), Integer.toString(kafkaPort))).start();
        api = app("api", apiPort, "api").start();
        for (int i = 1; i <= 2; i++) {
            int processorPort = freePort();
            processors.add(app("processor-" + i, processorPort, "processor").start());
            workers.add(app("worker-" + i, freePort(), "worker",
                    "--imagepipe.worker.processor-url=http://127.0.0.1:" + processorPort).start());
        }
        ports.forEach(FaultToleranceTest::awaitHealthy);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (OsProcess process : allProcesses()) {
            process.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (images != null) {
            images.close();
        }
    }

    @Test
    void everyAcceptedRequestFinishesWithEveryImageRecordedOnceWhateverIsKilled() throws Exception {
        ApiClient client = new ApiClient(apiPort);
        submit(client);

        fault("SIGKILL a worker and start it again", () -> restart(workers.getFirst()));
        submit(client);
        fault("SIGKILL a processor and start it again", () -> restart(processors.getFirst()));
        submit(client);
        fault("SIGKILL the api and start it again", () -> restart(api));
        submit(client);
        fault("SIGKILL the Kafka broker and start it again", () -> {
            kafka.kill();
            kafka.start();
        });
        submit(client);
        fault("cut every database connection", FaultToleranceTest::cutDatabaseConnections);
        do {
            submit(client);
        } while ((accepted.size() - 1) * PER_REQUEST < IMAGES);
        fault("the image server answers 503, then slowly", () -> {
            int before = images.refused();
            images.failWith(503);
            await().atMost(Duration.ofSeconds(60)).until(() -> images.refused() >= before + 20 || allFinished());
            images.recover();
            images.slowDown(Duration.ofMillis(300));
            int slowFrom = progress();
            await().atMost(Duration.ofSeconds(60)).until(() -> progress() >= slowFrom + 10 || allFinished());
            images.recover();
        });

        await().atMost(FINISH_WITHIN).pollInterval(Duration.ofSeconds(1)).until(FaultToleranceTest::allFinished);

        checkTheDatabaseAgainstWhatWasAccepted();
        checkKafkaHasNothingLeft();
    }

    private static void checkTheDatabaseAgainstWhatWasAccepted() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "?currentSchema=" + SCHEMA, "postgres", "")) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            assertThat(accepted.size() * PER_REQUEST).isGreaterThanOrEqualTo(IMAGES);
            for (String id : accepted) {
                Map<String, Object> request = jdbc.queryForMap(
                        "select status, total_images, succeeded, failed from requests where id = ?::uuid", id);
                assertThat((String) request.get("status")).as(id).isIn("COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED");
                assertThat(request.get("total_images")).isEqualTo(PER_REQUEST);
                int succeeded = count(jdbc, "select count(*) from images where request_id = ?::uuid and status = 'SUCCEEDED'", id);
                int failed = count(jdbc, "select count(*) from images where request_id = ?::uuid and status = 'FAILED'", id);
                assertThat(request.get("succeeded")).as("succeeded counter of " + id).isEqualTo(succeeded);
                assertThat(request.get("failed")).as("failed counter of " + id).isEqualTo(failed);
                assertThat(succeeded + failed).as("images with a result in " + id).isEqualTo(PER_REQUEST);
            }
            assertThat(count(jdbc, "select count(*) from requests")).isEqualTo(accepted.size());
            assertThat(count(jdbc, "select count(*) from images where status in ('PENDING', 'PROCESSING')")).isZero();
            assertThat(count(jdbc, "select count(*) from outbox")).isZero();
            int succeeded = count(jdbc, "select count(*) from images where status = 'SUCCEEDED'");
            assertThat(count(jdbc, "select count(distinct output_url) from images where status = 'SUCCEEDED'"))
                    .as("no two images share an output").isEqualTo(succeeded);
            for (String output : jdbc.queryForList("select output_url from images where status = 'SUCCEEDED'", String.class)) {
                String key = output.substring(output.indexOf("/files/") + "/files/".length());
                assertThat(work.resolve("files").resolve(key)).as(output).isRegularFile();
            }
            List<String> errors = jdbc.queryForList("select distinct error from images where status = 'FAILED'", String.class);
            assertThat(errors).allSatisfy(error -> assertThat(error).containsAnyOf("HTTP 503", "did not send the image"));
        }
    }

    private static void checkKafkaHasNothingLeft() throws Exception {
        var properties = new java.util.Properties();
        properties.put("bootstrap.servers", "127.0.0.1:" + kafkaPort);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(properties)) {
            var committed = admin.listConsumerGroupOffsets("imagepipe-worker").partitionsToOffsetAndMetadata().get();
            var latest = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                    tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            committed.forEach((partition, offset) -> assertThat(offset.offset()).as("lag of " + partition)
                    .isEqualTo(latest.get(partition).offset()));
        }
    }

    private static void submit(ApiClient client) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("S. No.,Product Name,Input Image Urls\n");
        for (int product = 0; product < PER_REQUEST / 2; product++) {
            String a = images.serve("/" + batch + "/" + product + "a.jpg", "image/jpeg", sources.get(product % sources.size()));
            String b = images.serve("/" + batch + "/" + product + "b.jpg", "image/jpeg", sources.get((product + 5) % sources.size()));
            csv.append(product + 1).append(",P").append(product).append(",\"").append(a).append(',').append(b).append("\"\n");
        }
        HttpResponse<String> response = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.postCsv(csv.toString()), r -> r.statusCode() == 202);
        accepted.add((String) ApiClient.json(response.body()).get("requestId"));
    }

    /** Runs a fault once the run has made progress since the last one, then waits for all to be healthy again. */
    private static void fault(String description, Fault fault) throws Exception {
        int before = progress();
        await().atMost(Duration.ofMinutes(2)).until(() -> progress() >= before + 20 || allFinished());
        System.out.println("FAULT: " + description + " (progress " + progress() + ")");
        fault.inject();
        ports.forEach(FaultToleranceTest::awaitHealthy);
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private static void restart(OsProcess process) throws InterruptedException {
        process.kill();
        process.start();
    }

    private static void cutDatabaseConnections() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "")) {
            int cut = new JdbcTemplate(new SingleConnectionDataSource(connection, true)).queryForList(
                    "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?", Boolean.class,
                    APP_NAME).size();
            assertThat(cut).as("connections cut").isPositive();
        }
    }

    /** Images with a result, over every accepted request; 0 while the database cannot be read. */
    private static int progress() {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "?currentSchema=" + SCHEMA, "postgres", "")) {
            return count(new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
                    "select coalesce(sum(succeeded + failed), 0) from requests");
        } catch (SQLException e) {
            return 0;
        }
    }

    private static boolean allFinished() {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "?currentSchema=" + SCHEMA, "postgres", "")) {
            return count(new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
                    "select count(*) from requests where status not in ('COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED')") == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private static int count(JdbcTemplate jdbc, String sql, Object... args) {
        Number value = jdbc.queryForObject(sql, Number.class, args);
        return value == null ? 0 : value.intValue();
    }

    private static OsProcess app(String name, int port, String roles, String... extra) {
        ports.add(port);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--imagepipe.roles=" + roles,
                "--imagepipe.data-dir=" + work.resolve(name),
                "--spring.datasource.url=" + POSTGRES + "?currentSchema=" + SCHEMA + "&ApplicationName=" + APP_NAME,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + SCHEMA,
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--imagepipe.signing.processor-secret=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "--imagepipe.signing.webhook-secret=whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
                "--imagepipe.storage.directory=" + work.resolve("files"),
                "--imagepipe.storage.public-base-url=http://127.0.0.1:" + apiPort,
                "--imagepipe.fetch.allowed-networks=127.0.0.1/32",
                "--imagepipe.worker.callback-url=http://127.0.0.1:" + apiPort + "/api/v1/callbacks/images",
                "--imagepipe.worker.lease=10s",
                "--imagepipe.worker.sweep-interval=1s",
                "--imagepipe.worker.max-attempts=20",
                "--imagepipe.worker.submit-deadline=30s",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return new OsProcess(name, work, "io.imagepipe.ImagePipeApplication", List.of(), args);
    }

    private static List<OsProcess> allProcesses() {
        List<OsProcess> all = new ArrayList<>(workers);
        all.addAll(processors);
        if (api != null) {
            all.add(api);
        }
        return all;
    }

    private static void awaitHealthy(int port) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void dropSchemasOfEarlierRuns() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "")) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            for (String schema : jdbc.queryForList(
                    "select nspname from pg_namespace where nspname like 'imagepipe\\_faults\\_%'", String.class)) {
                jdbc.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
