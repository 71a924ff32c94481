package io.imagepipe.common;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/** The folder where the embedded default keeps its database, broker log, secrets and images. */
public final class DataDirectory {

    /** The property naming the folder; {@code ./data} by default. */
    public static final String PROPERTY = "imagepipe.data-dir";

    private DataDirectory() {
    }

    /** The absolute, normalised data folder of this environment. */
    public static Path of(Environment environment) {
        return Path.of(environment.getProperty(PROPERTY, "./data")).toAbsolutePath().normalize();
    }
}
