package io.imagepipe.processor;

import io.imagepipe.common.ConditionalOnRole;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.imagepipe.common.Role;
import io.imagepipe.signing.Signers;
import io.imagepipe.storage.ObjectStorage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the image processing service when this process runs the {@code processor} role. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.PROCESSOR)
class ProcessorConfiguration {

    @Bean
    JpegCodecs jpegCodecs(ProcessorProperties properties) {
        return new JpegCodecs(properties.effectiveCodecThreads());
    }

    @Bean
    MeterBinder imagePipeProcessorMetrics(JobExecutor executor) {
        return registry -> {
            FunctionCounter.builder("imagepipe.processor.jobs.completed", executor, JobExecutor::completed)
                    .description("jobs finished, succeeded or failed").register(registry);
            Gauge.builder("imagepipe.processor.jobs.in.flight", executor, JobExecutor::inFlight)
                    .description("jobs taken and not finished").register(registry);
            Gauge.builder("imagepipe.processor.download.memory.free", executor, JobExecutor::downloadMemoryFree)
                    .baseUnit("bytes").description("bytes of the download memory budget free").register(registry);
        };
    }

    @Bean
    JobExecutor jobExecutor(ProcessorProperties properties, FetchProperties fetch, ObjectStorage storage,
                            JsonMapper json, Signers signers, JpegCodecs codecs) {
        return new JobExecutor(
                new ImageFetcher(properties, fetch),
                new ImageTranscoder(codecs.codec(), properties.quality(), properties.maxPixels()),
                storage,
                new CallbackBatcher(new CallbackSender(json, signers, properties.callbackAttempts()),
                        properties.callbackBatch(), properties.callbackLinger()),
                properties);
    }
}
