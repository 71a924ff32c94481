package io.imagepipe.broker;

import io.imagepipe.common.DataDirectory;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Without {@code spring.kafka.bootstrap-servers}, starts the embedded broker and points every Kafka
 * client at it; the clients' factories depend on it, so it is up before any of them connects.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalKafkaCondition.class)
class BrokerConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    EmbeddedKafkaBroker embeddedKafkaBroker(Environment environment) {
        return new EmbeddedKafkaBroker(DataDirectory.of(environment).resolve("kafka"),
                environment.getProperty("imagepipe.broker.port", Integer.class, 0));
    }

    @Bean
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        return () -> List.of(broker.bootstrapServers());
    }
}
