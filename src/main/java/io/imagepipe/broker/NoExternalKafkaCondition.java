package io.imagepipe.broker;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code spring.kafka.bootstrap-servers} names no external cluster. */
class NoExternalKafkaCondition implements Condition {

    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getEnvironment().getProperty(BOOTSTRAP_SERVERS, "").isBlank();
    }
}
