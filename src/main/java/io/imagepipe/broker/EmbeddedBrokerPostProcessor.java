package io.imagepipe.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the embedded broker on when {@code spring.kafka.bootstrap-servers} is not configured:
 * picks its ports and points the Kafka clients at it. An external cluster turns it off.
 */
class EmbeddedBrokerPostProcessor implements EnvironmentPostProcessor {

    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String ENABLED = "imagepipe.broker.embedded";
    static final String PORT = "imagepipe.broker.port";
    static final String CONTROLLER_PORT = "imagepipe.broker.controller-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(BOOTSTRAP_SERVERS)) {
            environment.getPropertySources().addFirst(new MapPropertySource("imagepipe-broker", Map.of(ENABLED, "false")));
            return;
        }
        int port = environment.getProperty(PORT, Integer.class, 0);
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        environment.getPropertySources().addFirst(new MapPropertySource("imagepipe-broker", Map.of(
                ENABLED, "true",
                PORT, Integer.toString(brokerPort),
                CONTROLLER_PORT, Integer.toString(controllerPort),
                BOOTSTRAP_SERVERS, "127.0.0.1:" + brokerPort)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1 for the embedded Kafka broker", e);
        }
    }
}
