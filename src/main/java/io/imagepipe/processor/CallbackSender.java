package io.imagepipe.processor;

import io.imagepipe.signing.Signers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Posts a batch of results, signed, to their callback URL as {@code {"results": [...]}}; retries a failed delivery with exponential backoff. */
class CallbackSender {

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final Signers signers;
    private final int attempts;

    CallbackSender(JsonMapper json, Signers signers, int attempts) {
        this.json = json;
        this.signers = signers;
        this.attempts = attempts;
    }

    /** Delivers the results; returns whether the receiver accepted them. */
    boolean send(String callbackUrl, java.util.List<JobResult> results) {
        byte[] body = json.writeValueAsBytes(java.util.Map.of("results", results));
        String what = results.size() == 1 ? "job " + results.getFirst().jobId() : results.size() + " jobs";
        Duration backoff = Duration.ofMillis(500);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callbackUrl))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                int status = http.send(signers.processor().sign(body).applyTo(request).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return true;
                }
                if (status / 100 == 4 && status != 408 && status != 429) {
                    log.warn("Callback for {} refused with HTTP {}; not retried", what, status);
                    return false;
                }
                log.debug("Callback for {} got HTTP {}, attempt {}", what, status, attempt);
            } catch (IOException e) {
                log.debug("Callback for {} failed, attempt {}: {}", what, attempt, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (attempt < attempts) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backoff = backoff.multipliedBy(2);
            }
        }
        log.warn("Callback for {} not delivered after {} attempts; the worker's sweeper will retry the jobs",
                what, attempts);
        return false;
    }
}
