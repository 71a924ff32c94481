package io.imagepipe.bench;

import io.imagepipe.testsupport.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Photo-like JPEG inputs for the benchmarks, written once to a folder so the native loop reads the same files. */
final class BenchImages {

    private BenchImages() {
    }

    /** {@code count} distinct JPEGs of the size at quality 90, written under {@code folder}. */
    static List<Path> write(Path folder, int width, int height, int count) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve(width + "x" + height + "-" + i + ".jpg");
            if (!Files.exists(file)) {
                Files.write(file, TestImages.jpeg(TestImages.photo(width, height, 1000L * width + i), 90));
            }
            files.add(file);
        }
        return files;
    }

    static List<byte[]> read(List<Path> files) throws IOException {
        List<byte[]> bytes = new ArrayList<>();
        for (Path file : files) {
            bytes.add(Files.readAllBytes(file));
        }
        return bytes;
    }
}
