package io.imagepipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagepipe.testsupport.ApiClient;
import io.imagepipe.testsupport.ApiClient.StatusDocument;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the image processing service unreachable, a task fails every retry, lands on the dead-letter
 * topic, and its images are failed with the reason: the request still finishes. This process runs
 * {@code api} and {@code worker} only, so there is no processor role in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "imagepipe.roles=api,worker",
        "imagepipe.worker.processor-url=http://127.0.0.1:9",
        "imagepipe.worker.submit-deadline=300ms",
        "imagepipe.worker.task-retries=1",
        "imagepipe.worker.task-retry-backoff=100ms",
        "imagepipe.worker.sweep-interval=1h"})
class DeadLetterTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("imagepipe-dlt").toString();
        registry.add("imagepipe.data-dir", () -> dataDir);
    }

    @Test
    void aTaskThatFailsEveryRetryFailsItsImagesWithTheReasonAndTheRequestFinishes() {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> accepted = api.postCsv("S. No.,Product Name,Input Image Urls\n"
                + "1,A,\"https://example.com/a.jpg,https://example.com/b.jpg\"\n2,B,https://example.com/c.jpg\n");
        String id = (String) ApiClient.json(accepted.body()).get("requestId");

        StatusDocument done = await().atMost(Duration.ofSeconds(60)).until(() -> api.status(id),
                s -> s.status().equals("FAILED"));

        assertThat(done.progress()).isEqualTo(new ApiClient.Progress(3, 0, 3, 0));
        done.products().forEach(product -> product.images().forEach(image -> {
            assertThat(image.status()).isEqualTo("FAILED");
            assertThat(image.error()).startsWith("could not be dispatched: ").contains("did not accept 3 job(s)");
        }));
    }

    @Test
    void noProcessorEndpointRunsInAProcessWithoutTheProcessorRole() {
        ApiClient api = new ApiClient(port);

        assertThat(api.post("/processor/v1/jobs", "application/json", "{}".getBytes()).statusCode()).isIn(404, 405);
    }

    @Test
    void theTaskListenerIsReportedInHealth() {
        Map<String, Object> health = ApiClient.json(new ApiClient(port).get("/actuator/health").body());

        assertThat(health.get("status")).isEqualTo("UP");
        Map<?, ?> components = (Map<?, ?>) health.get("components");
        assertThat(components.containsKey("taskListener")).as("components: %s", components.keySet()).isTrue();
    }
}
