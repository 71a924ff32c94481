package io.imagepipe.processor;

import io.imagepipe.common.ConditionalOnRole;
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
