package io.imagepipe.broker;

import io.imagepipe.common.DataDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Starts the embedded broker before the Kafka clients need it, when no external cluster is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EmbeddedBrokerPostProcessor.ENABLED, havingValue = "true")
class BrokerConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    EmbeddedKafkaBroker embeddedKafkaBroker(Environment environment) {
        return new EmbeddedKafkaBroker(
                DataDirectory.of(environment).resolve("kafka"),
                environment.getRequiredProperty(EmbeddedBrokerPostProcessor.PORT, Integer.class),
                environment.getRequiredProperty(EmbeddedBrokerPostProcessor.CONTROLLER_PORT, Integer.class));
    }
}
