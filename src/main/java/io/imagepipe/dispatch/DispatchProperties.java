package io.imagepipe.dispatch;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The task topic and how the outbox relays to it. */
@Validated
@ConfigurationProperties("imagepipe.dispatch")
public record DispatchProperties(
        @NotBlank @DefaultValue("imagepipe.tasks") String topic,
        @Min(1) @DefaultValue("8") int partitions,
        @Min(1) @DefaultValue("1") short replicationFactor,
        @Min(1) @DefaultValue("50") int imagesPerTask,
        @Min(1) @DefaultValue("500") int relayBatch,
        @DefaultValue("200ms") Duration relayInterval) {

    /** The dead-letter topic of tasks that failed every retry. */
    public String deadLetterTopic() {
        return topic + ".dlt";
    }
}
