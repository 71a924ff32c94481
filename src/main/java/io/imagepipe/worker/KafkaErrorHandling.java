package io.imagepipe.worker;

import io.imagepipe.dispatch.DispatchProperties;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** Retries a failing task with exponential backoff and jitter, then parks it on the dead-letter topic with the reason in its headers. */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    @Bean
    CommonErrorHandler taskErrorHandler(KafkaTemplate<Object, Object> kafka, DispatchProperties dispatch,
                                        WorkerProperties worker) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(dispatch.deadLetterTopic(), 0));
        ExponentialBackOff backOff = new ExponentialBackOff(worker.taskRetryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(worker.taskRetries());
        backOff.setMaxInterval(30_000);
        backOff.setJitter(worker.taskRetryBackoff().toMillis() / 2);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
