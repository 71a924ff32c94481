package io.imagepipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagepipe.testsupport.ApiClient;
import io.imagepipe.testsupport.ApiClient.Image;
import io.imagepipe.testsupport.ApiClient.StatusDocument;
import io.imagepipe.testsupport.JpegTables;
import io.imagepipe.testsupport.TestImageServer;
import io.imagepipe.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole pipeline over real transports: CSV upload over HTTP, outbox, Kafka, worker, the image
 * processing service's HTTP API, real JPEG and PNG images from a local HTTP server, signed callbacks,
 * status and output CSV. Subclasses choose the database and the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"imagepipe.worker.sweep-interval=1h", "imagepipe.fetch.allowed-networks=127.0.0.1/32",
                "imagepipe.upload.max-file-size=1MB", "imagepipe.notify.interval=200ms",
                "imagepipe.signing.webhook-secret=" + PipelineTestBase.WEBHOOK_SECRET})
abstract class PipelineTestBase {

    static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final TestImageServer IMAGES = TestImageServer.start();
    private static final Duration FINISH_WITHIN = Duration.ofSeconds(120);

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void twentyProductsWithTwoOrThreeImagesEachCompleteWithRealCompressedImages() throws IOException {
        String batch = UUID.randomUUID().toString();
        Map<String, Source> sources = new HashMap<>();
        StringBuilder csv = new StringBuilder("S. No.,Product Name,Input Image Urls,Notes\n");
        for (int product = 1; product <= 20; product++) {
            List<String> urls = new ArrayList<>();
            for (int image = 0; image < 2 + product % 2; image++) {
                Source source = source(batch, product, image);
                sources.put(source.url(), source);
                urls.add(source.url());
            }
            csv.append(product).append(",SKU-").append(product).append(",\"").append(String.join(", ", urls))
                    .append("\",note ").append(product).append('\n');
        }

        StatusDocument done = finish(accept(csv.toString()));

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.progress().succeeded()).isEqualTo(sources.size());
        assertThat(done.progress().failed()).isZero();
        assertThat(done.progress().pending()).isZero();
        assertThat(done.products()).extracting(ApiClient.Product::serialNumber)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        for (ApiClient.Product product : done.products()) {
            assertThat(product.productName()).isEqualTo("SKU-" + product.serialNumber());
            for (Image image : product.images()) {
                assertThat(image.status()).isEqualTo("SUCCEEDED");
                assertOutputMatches(sources.get(image.inputUrl()), api.getBytes(image.outputUrl()));
            }
        }
        assertOutputCsvMatches(done, "Notes");
    }

    @Test
    void aMissingAndANonImageSourceFailOnlyTheirOwnImages() throws IOException {
        String batch = UUID.randomUUID().toString();
        String missing = IMAGES.url("/" + batch + "/missing.jpg");
        String html = IMAGES.serve("/" + batch + "/page.jpg", "image/jpeg",
                "<!DOCTYPE html><html><body>not a picture</body></html>".getBytes());
        List<Source> good = List.of(source(batch, 1, 0), source(batch, 2, 0), source(batch, 3, 1));
        String csv = "S. No.,Product Name,Input Image Urls\n"
                + "1,A,\"" + good.get(0).url() + "," + missing + "\"\n"
                + "2,B,\"" + html + "," + good.get(1).url() + "\"\n"
                + "3,C," + good.get(2).url() + "\n";

        StatusDocument done = finish(accept(csv));

        assertThat(done.status()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(done.progress()).isEqualTo(new ApiClient.Progress(5, 3, 2, 0));
        Map<String, Image> byUrl = new HashMap<>();
        done.products().forEach(p -> p.images().forEach(i -> byUrl.put(i.inputUrl(), i)));
        assertThat(byUrl.get(missing).status()).isEqualTo("FAILED");
        assertThat(byUrl.get(missing).error()).contains("HTTP 404");
        assertThat(byUrl.get(html).status()).isEqualTo("FAILED");
        assertThat(byUrl.get(html).error()).contains("not an image");
        for (Source source : good) {
            assertThat(byUrl.get(source.url()).status()).isEqualTo("SUCCEEDED");
            assertOutputMatches(source, api.getBytes(byUrl.get(source.url()).outputUrl()));
        }
        List<CSVRecord> rows = outputCsv(done);
        assertThat(rows.get(1).get("Output Image Urls")).startsWith(byUrl.get(good.get(0).url()).outputUrl() + ",")
                .endsWith(",");
        assertThat(rows.get(1).get("Errors")).contains(missing).contains("HTTP 404");
        assertThat(rows.get(2).get("Output Image Urls")).startsWith(",");
        assertThat(rows.get(2).get("Errors")).contains(html).contains("not an image");
        assertThat(rows.get(3).get("Errors")).isEmpty();
    }

    @Test
    void aRequestOfManyWriteBatchesIsStoredAndQueuedWholeInCsvOrder() throws IOException {
        int rows = 2_345;
        StringBuilder csv = new StringBuilder("S. No.,Product Name,Input Image Urls\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(",P").append(i).append(",\"").append(IMAGES.url("/gone/" + i + "a.jpg")).append(',')
                    .append(IMAGES.url("/gone/" + i + "b.jpg")).append("\"\n");
        }

        StatusDocument done = finish(accept(csv.toString()));

        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(done.progress()).isEqualTo(new ApiClient.Progress(2 * rows, 0, 2 * rows, 0));
        List<CSVRecord> output = outputCsv(done);
        assertThat(output).hasSize(rows + 1);
        for (int i = 1; i <= rows; i++) {
            assertThat(output.get(i).get("S. No.")).isEqualTo(Integer.toString(i));
            assertThat(output.get(i).get("Errors")).contains("/gone/" + i + "a.jpg: HTTP 404")
                    .contains("/gone/" + i + "b.jpg: HTTP 404");
        }
    }

    @Test
    void statusMovesFromProcessingWithProgressToCompletedAndOutputCsvWaitsForTheEnd() {
        String batch = UUID.randomUUID().toString();
        Source fast = source(batch, 1, 0);
        CountDownLatch gate = new CountDownLatch(1);
        String slow = IMAGES.serveWhenOpen("/" + batch + "/slow.jpg", "image/jpeg",
                TestImages.jpeg(TestImages.photo(320, 240, 7), 90), gate);
        String id = accept("S. No.,Product Name,Input Image Urls\n1,A,\"" + fast.url() + "," + slow + "\"\n");
        try {
            StatusDocument partway = await().atMost(FINISH_WITHIN).until(() -> api.status(id),
                    s -> s.progress().succeeded() == 1);
            assertThat(partway.status()).isEqualTo("PROCESSING");
            assertThat(partway.progress()).isEqualTo(new ApiClient.Progress(2, 1, 0, 1));
            assertThat(api.get("/api/v1/requests/" + id + "/output.csv").statusCode()).isEqualTo(409);
        } finally {
            gate.countDown();
        }
        assertThat(finish(id).status()).isEqualTo("COMPLETED");
        assertThat(api.get("/api/v1/requests/" + id + "/output.csv").statusCode()).isEqualTo(200);

        HttpResponse<String> finished = api.get("/api/v1/requests/" + id);
        String etag = finished.headers().firstValue("ETag").orElseThrow();
        assertThat(api.get("/api/v1/requests/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(api.get("/api/v1/requests/" + id + "?size=1", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void aFinishedRequestPostsOneSignedCompletionWebhook() {
        String hookPath = "/hooks/" + UUID.randomUUID();
        String csv = "S. No.,Product Name,Input Image Urls\n1,A," + source(UUID.randomUUID().toString(), 1, 0).url() + "\n";
        HttpResponse<String> accepted = api.post("/api/v1/requests?webhookUrl=" + IMAGES.url(hookPath), "text/csv",
                csv.getBytes());
        String id = (String) ApiClient.json(accepted.body()).get("requestId");

        TestImageServer.Received hook = await().atMost(FINISH_WITHIN).until(() -> IMAGES.received(hookPath),
                java.util.Objects::nonNull);

        new io.imagepipe.signing.WebhookSigner(WEBHOOK_SECRET, java.time.Clock.systemUTC()).verify(
                hook.header("webhook-id"), hook.header("webhook-timestamp"), hook.header("webhook-signature"), hook.body());
        Map<String, Object> event = ApiClient.json(new String(hook.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(event.get("type")).isEqualTo("request.completed");
        Map<?, ?> data = (Map<?, ?>) event.get("data");
        assertThat(data.get("requestId")).isEqualTo(id);
        assertThat(data.get("status")).isEqualTo("COMPLETED");
    }

    @Test
    void aWebhookToAPrivateAddressIsNeverCalled() {
        String csv = "S. No.,Product Name,Input Image Urls\n1,A," + source(UUID.randomUUID().toString(), 1, 0).url() + "\n";
        HttpResponse<String> accepted = api.post("/api/v1/requests?webhookUrl=http://127.0.0.2:9/hook", "text/csv",
                csv.getBytes());
        String id = (String) ApiClient.json(accepted.body()).get("requestId");
        finish(id);

        String error = await().atMost(FINISH_WITHIN).until(() -> jdbc.query(
                "select last_error from webhook_deliveries where request_id = ?",
                (rs, n) -> rs.getString(1), UUID.fromString(id)).stream().filter(java.util.Objects::nonNull).findFirst()
                .orElse(null), java.util.Objects::nonNull);
        assertThat(error).isEqualTo("address not allowed: 127.0.0.2");
    }

    @Test
    void anInvalidCsvIsRefusedWithEveryProblemAndNothingIsStored() {
        long before = requestCount();
        String csv = "S. No.,Product Name,Input Image Urls\n"
                + "1,A,https://example.com/a.jpg\n"
                + "x,B,https://example.com/b.jpg\n"
                + "3, ,https://example.com/c.jpg\n"
                + "4,D,ftp://example.com/d.jpg\n";

        HttpResponse<String> response = api.postCsv(csv);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> problem = ApiClient.json(response.body());
        assertThat(problem.get("type")).isEqualTo("https://imagepipe.io/problems/invalid-csv");
        assertThat(problem.get("errors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .extracting(e -> ((Map<?, ?>) e).get("line") + ":" + ((Map<?, ?>) e).get("column"))
                .containsExactly("3:S. No.", "4:Product Name", "5:Input Image Urls");
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void aCsvWithoutTheUrlColumnIsRefused() {
        HttpResponse<String> response = api.postCsv("S. No.,Product Name\n1,A\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("missing column 'Input Image Urls'");
    }

    @Test
    void aCsvOverTheSizeLimitIsRefusedWith413AsRawBodyAndAsMultipart() {
        long before = requestCount();
        StringBuilder csv = new StringBuilder("S. No.,Product Name,Input Image Urls\n");
        for (int i = 1; csv.length() < 1_500_000; i++) {
            csv.append(i).append(",Product ").append(i).append(",https://example.com/").append(i).append(".jpg\n");
        }

        HttpResponse<String> raw = api.postCsv(csv.toString());
        HttpResponse<String> multipart = api.postMultipart("file", "big.csv", csv.toString());

        assertThat(raw.statusCode()).isEqualTo(413);
        assertThat(ApiClient.json(raw.body()).get("type")).isEqualTo("https://imagepipe.io/problems/upload-too-large");
        assertThat(multipart.statusCode()).isEqualTo(413);
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void aMultipartUploadIsAcceptedLikeARawOne() {
        String csv = "S. No.,Product Name,Input Image Urls\n1,A," + source(UUID.randomUUID().toString(), 1, 0).url() + "\n";

        HttpResponse<String> response = api.postMultipart("file", "products.csv", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(finish((String) ApiClient.json(response.body()).get("requestId")).status()).isEqualTo("COMPLETED");
    }

    @Test
    void theSameIdempotencyKeyWithTheSameFileReturnsTheFirstRequest() {
        String csv = "S. No.,Product Name,Input Image Urls\n1,A," + source(UUID.randomUUID().toString(), 1, 0).url() + "\n";
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = api.postCsv(csv, "Idempotency-Key", key);
        HttpResponse<String> second = api.postCsv(csv, "Idempotency-Key", key);
        HttpResponse<String> otherFile = api.postCsv(csv + "2,B," + IMAGES.url("/x.jpg") + "\n", "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(ApiClient.json(second.body()).get("requestId")).isEqualTo(ApiClient.json(first.body()).get("requestId"));
        assertThat(otherFile.statusCode()).isEqualTo(422);
        finish((String) ApiClient.json(first.body()).get("requestId"));
    }

    @Test
    void prometheusExportsTheProcessorsJobCounters() {
        finish(accept("S. No.,Product Name,Input Image Urls\n1,A," + source(UUID.randomUUID().toString(), 1, 0).url() + "\n"));

        String metrics = api.get("/actuator/prometheus").body();

        assertThat(metrics).contains("imagepipe_processor_jobs_in_flight", "imagepipe_processor_download_memory_free_bytes");
        assertThat(metrics.lines().filter(line -> line.startsWith("imagepipe_processor_jobs_completed_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void infoSaysWhichJpegCodecRuns() {
        Map<String, Object> info = ApiClient.json(api.get("/actuator/info").body());

        assertThat(info.get("codec")).isEqualTo(Map.of("jpeg", "libjpeg-turbo (TurboJPEG, FFM)", "native", true));
    }

    @Test
    void anUnsignedCallbackIsRefusedAndAnUnknownRequestIsNotFound() {
        HttpResponse<String> callback = api.post("/api/v1/callbacks/images", "application/json",
                "{\"jobId\":\"x.1\",\"attempt\":1,\"status\":\"FAILED\",\"error\":\"forged\"}".getBytes());

        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(callback.body()).get("type")).isEqualTo("https://imagepipe.io/problems/bad-signature");
        HttpResponse<String> job = api.post("/processor/v1/jobs", "application/json",
                ("{\"jobId\":\"x.1\",\"attempt\":1,\"sourceUrl\":\"http://127.0.0.1/a.jpg\","
                        + "\"callbackUrl\":\"http://127.0.0.1/cb\"}").getBytes(),
                "webhook-id", "msg_1", "webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000),
                "webhook-signature", "v1,Zm9yZ2Vk");
        assertThat(job.statusCode()).as("a job with a wrong signature").isEqualTo(401);
        assertThat(api.get("/api/v1/requests/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/requests/not-a-uuid").statusCode()).isEqualTo(404);
    }

    String accept(String csv) {
        HttpResponse<String> response = api.postCsv(csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = (String) ApiClient.json(response.body()).get("requestId");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/requests/" + id);
        assertThat(ApiClient.json(response.body())).containsEntry("status", "PENDING");
        return id;
    }

    StatusDocument finish(String id) {
        return await().atMost(FINISH_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> api.status(id), s -> s.progress().pending() == 0 && !s.status().equals("PROCESSING"));
    }

    private long requestCount() {
        Map<?, ?> page = (Map<?, ?>) ApiClient.json(api.get("/api/v1/requests").body()).get("page");
        return ((Number) page.get("totalElements")).longValue();
    }

    /** A source image served by the test server; every third is a PNG, one in seven of those transparent. */
    private static Source source(String batch, int product, int image) {
        int kind = (product * 3 + image) % 7;
        int width = 480 + 80 * (kind % 3);
        int height = 360 + 40 * (kind % 2);
        long seed = product * 31L + image;
        if (kind == 6) {
            byte[] png = TestImages.png(TestImages.halfTransparent(width, height, seed));
            return new Source(IMAGES.serve("/" + batch + "/" + product + "-" + image + ".png", "image/png", png),
                    png, width, height, true);
        }
        if (kind == 5) {
            byte[] png = TestImages.png(TestImages.photo(width, height, seed));
            return new Source(IMAGES.serve("/" + batch + "/" + product + "-" + image + ".png", "image/png", png),
                    png, width, height, false);
        }
        byte[] jpeg = TestImages.jpeg(TestImages.photo(width, height, seed), 92);
        return new Source(IMAGES.serve("/" + batch + "/" + product + "-" + image + ".jpg", "image/jpeg", jpeg),
                jpeg, width, height, false);
    }

    private static void assertOutputMatches(Source source, HttpResponse<byte[]> output) {
        assertThat(output.statusCode()).isEqualTo(200);
        byte[] bytes = output.body();
        BufferedImage decoded = TestImages.decode(bytes);
        assertThat(decoded.getWidth()).isEqualTo(source.width());
        assertThat(decoded.getHeight()).isEqualTo(source.height());
        if (source.transparent()) {
            assertThat(output.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(decoded.getColorModel().hasAlpha()).isTrue();
            assertThat(decoded.getRGB(0, 0) >>> 24).isZero();
            assertThat(decoded.getRGB(source.width() - 1, 0) >>> 24).isEqualTo(255);
        } else {
            assertThat(output.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(JpegTables.luminance(bytes)).containsExactly(JpegTables.ijgLuminance(50));
            assertThat(bytes.length).isLessThan(source.bytes().length);
        }
    }

    private void assertOutputCsvMatches(StatusDocument done, String extraColumn) throws IOException {
        List<CSVRecord> rows = outputCsv(done);
        assertThat(rows.getFirst().toList()).containsExactly("S. No.", "Product Name", "Input Image Urls",
                "Output Image Urls", extraColumn, "Errors");
        for (int i = 0; i < done.products().size(); i++) {
            ApiClient.Product product = done.products().get(i);
            CSVRecord row = rows.get(i + 1);
            assertThat(row.get("S. No.")).isEqualTo(Long.toString(product.serialNumber()));
            assertThat(row.get("Output Image Urls"))
                    .isEqualTo(String.join(",", product.images().stream().map(Image::outputUrl).toList()));
            assertThat(row.get("Errors")).isEmpty();
        }
        assertThat(rows).hasSize(done.products().size() + 1);
    }

    private List<CSVRecord> outputCsv(StatusDocument done) throws IOException {
        HttpResponse<String> response = api.get(done.outputCsvUrl());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(response.body())).getRecords();
        List<String> header = records.getFirst().toList();
        return CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get()
                .parse(new StringReader(response.body())).getRecords();
    }

    private record Source(String url, byte[] bytes, int width, int height, boolean transparent) {
    }
}
