package io.imagepipe.processor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The image processing service's limits and defaults.
 *
 * @param queueCapacity jobs accepted and not yet finished; past it a job gets {@code 429}
 * @param concurrentDownloads downloads in progress at once (virtual threads: many are cheap)
 * @param downloadMemory bytes of downloaded sources held at once, waiting for or in the codec
 * @param codecThreads images decoded and encoded at once; 0 means one per core
 * @param quality JPEG quality of the outputs, 1 to 100
 * @param maxSourceSize largest source file fetched
 * @param maxPixels largest image decoded, in pixels
 * @param callbackBatch results sent in one callback request at most
 * @param callbackLinger how long a result may wait for others to share its callback request
 */
@Validated
@ConfigurationProperties("imagepipe.processor")
public record ProcessorProperties(
        @Min(1) @DefaultValue("2000") int queueCapacity,
        @Min(1) @DefaultValue("128") int concurrentDownloads,
        @DefaultValue("256MB") DataSize downloadMemory,
        @Min(0) @DefaultValue("0") int codecThreads,
        @Min(1) @Max(100) @DefaultValue("50") int quality,
        @DefaultValue("25MB") DataSize maxSourceSize,
        @Min(1) @DefaultValue("50000000") long maxPixels,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration downloadTimeout,
        @Min(1) @DefaultValue("6") int callbackAttempts,
        @Min(1) @DefaultValue("100") int callbackBatch,
        @DefaultValue("20ms") Duration callbackLinger) {

    /** Codec threads, resolving 0 to the number of cores. */
    public int effectiveCodecThreads() {
        return codecThreads > 0 ? codecThreads : Runtime.getRuntime().availableProcessors();
    }
}
