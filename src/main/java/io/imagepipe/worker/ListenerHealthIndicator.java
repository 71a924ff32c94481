package io.imagepipe.worker;

import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.Role;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Reports the task listener in {@code /actuator/health}: a listener container that stopped (for example
 * because its thread died of an {@code Error} such as out of memory) makes the process DOWN instead of
 * silently stalling.
 */
@Component("taskListenerHealthIndicator")
@ConditionalOnRole(Role.WORKER)
class ListenerHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry registry;

    ListenerHealthIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = registry.getListenerContainer(TaskListener.ID);
        if (container == null) {
            return Health.down().withDetail("reason", "no task listener container").build();
        }
        if (!container.isRunning()) {
            return Health.down().withDetail("reason", "the task listener stopped").build();
        }
        return Health.up().withDetail("paused", container.isContainerPaused()).build();
    }
}
