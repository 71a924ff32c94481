package io.imagepipe.worker;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How workers reach the image processing service and how long they wait for it.
 *
 * @param processorUrl base URL of the image processing service; blank means this process's own
 * @param callbackUrl where the service posts results; blank means this process's own webhook handler
 * @param lease how long a dispatched image may stay PROCESSING before the sweeper sends it again
 * @param maxAttempts dispatches of one image before it is failed for want of a result
 * @param submitDeadline how long one job submission may keep retrying a busy or unreachable service
 * @param taskRetries redeliveries of a failing task (exponential backoff from {@code taskRetryBackoff},
 *                    doubling, at most 30 s apart) before it goes to the dead-letter topic
 */
@Validated
@ConfigurationProperties("imagepipe.worker")
public record WorkerProperties(
        @DefaultValue("") String processorUrl,
        @DefaultValue("") String callbackUrl,
        @DefaultValue("5m") Duration lease,
        @Min(1) @DefaultValue("3") int maxAttempts,
        @DefaultValue("2m") Duration submitDeadline,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("10s") Duration requestTimeout,
        @Min(0) @DefaultValue("6") int taskRetries,
        @DefaultValue("1s") Duration taskRetryBackoff) {
}
