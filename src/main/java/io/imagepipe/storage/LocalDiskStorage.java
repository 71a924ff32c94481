package io.imagepipe.storage;

import io.imagepipe.common.DataDirectory;
import io.imagepipe.common.LocalBaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Keeps images in a local folder; each write lands whole (temporary file, then an atomic move). */
@Component
class LocalDiskStorage implements ObjectStorage {

    private final Path root;
    private final StorageProperties properties;
    private final LocalBaseUrl localBaseUrl;

    LocalDiskStorage(StorageProperties properties, Environment environment, LocalBaseUrl localBaseUrl) {
        this.root = properties.directory().isBlank()
                ? DataDirectory.of(environment).resolve("files")
                : Path.of(properties.directory()).toAbsolutePath().normalize();
        this.properties = properties;
        this.localBaseUrl = localBaseUrl;
    }

    @Override
    public String put(String key, byte[] bytes, String contentType) {
        Path target = root.resolve(StorageKeys.require(key));
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key + ": " + e.getMessage(), e);
        }
        return localBaseUrl.orDefault(properties.publicBaseUrl(), "") + "/files/" + key;
    }

    /** The file stored under the key, if the key is valid and the file exists. */
    Optional<Path> find(String key) {
        if (!StorageKeys.isValid(key)) {
            return Optional.empty();
        }
        Path file = root.resolve(key).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
