package io.imagepipe.worker;

import io.imagepipe.common.LocalBaseUrl;
import io.imagepipe.request.ClaimedImage;
import io.imagepipe.signing.Signers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends signed jobs to the image processing service. A busy service ({@code 429}) is waited for as its
 * {@code Retry-After} says; an unreachable one or a {@code 5xx} is retried with exponential backoff and
 * jitter, up to the submission deadline.
 */
@Component
class ProcessorClient {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final HttpClient http;
    private final JsonMapper json;
    private final Signers signers;
    private final LocalBaseUrl localBaseUrl;
    private final WorkerProperties properties;

    ProcessorClient(JsonMapper json, Signers signers, LocalBaseUrl localBaseUrl, WorkerProperties properties) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.json = json;
        this.signers = signers;
        this.localBaseUrl = localBaseUrl;
        this.properties = properties;
    }

    /**
     * Submits claimed images as one batch of jobs and returns once the service accepted them all.
     *
     * @throws JobRejectedException when the service refuses the batch for good
     * @throws ProcessorUnavailableException when the service did not accept it within the deadline
     */
    void submit(List<ClaimedImage> images) {
        String callbackUrl = localBaseUrl.orDefault(properties.callbackUrl(), "/api/v1/callbacks/images");
        List<JobPayload> jobs = images.stream()
                .map(image -> new JobPayload(image.ref().jobId(), image.attempt(), image.inputUrl(), callbackUrl))
                .toList();
        byte[] body = json.writeValueAsBytes(Map.of("jobs", jobs));
        URI uri = URI.create(localBaseUrl.orDefault(properties.processorUrl(), "") + "/processor/v1/jobs");
        long deadline = System.nanoTime() + properties.submitDeadline().toNanos();
        Duration backoff = Duration.ofMillis(100);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            Duration wait;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                        .timeout(properties.requestTimeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                HttpResponse<String> response = http.send(signers.processor().sign(body).applyTo(request).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return;
                }
                if (status == 429) {
                    wait = retryAfter(response).orElse(backoff);
                } else if (status / 100 == 4) {
                    throw new JobRejectedException("the image processing service refused the job: HTTP " + status
                            + " " + response.body());
                } else {
                    last = new IOException("HTTP " + status + " from the image processing service");
                    wait = backoff;
                }
            } catch (IOException e) {
                last = e;
                wait = backoff;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessorUnavailableException("interrupted while submitting a job", e);
            }
            sleep(withJitter(wait));
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        throw new ProcessorUnavailableException("the image processing service at " + uri + " did not accept "
                + images.size() + " job(s) within " + properties.submitDeadline(), last);
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private static Duration withJitter(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessorUnavailableException("interrupted while waiting to retry a job", e);
        }
    }
}
