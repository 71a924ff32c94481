package io.imagepipe.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local-disk storage settings.
 *
 * @param directory folder of the files; blank means {@code <data-dir>/files}
 * @param publicBaseUrl base of the URLs handed out; blank means this process's own
 */
@ConfigurationProperties("imagepipe.storage")
public record StorageProperties(@DefaultValue("") String directory, @DefaultValue("") String publicBaseUrl) {
}
