package io.imagepipe.common;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base URL other roles use to reach this process: {@code imagepipe.base-url} when set,
 * else {@code http://127.0.0.1:<the port the server listens on>}.
 */
@Component
public class LocalBaseUrl {

    private final Environment environment;

    LocalBaseUrl(Environment environment) {
        this.environment = environment;
    }

    /** The base URL without a trailing slash; never null. */
    public String get() {
        String configured = environment.getProperty("imagepipe.base-url", "").trim();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }

    /** This base URL joined with {@code configured} when that is blank, else {@code configured} itself. */
    public String orDefault(String configured, String path) {
        return configured == null || configured.isBlank() ? get() + path : configured;
    }
}
