package io.imagepipe.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the C baseline ({@code bench/native/tjloop.c}, built by {@code bench/run}) on the same files. */
final class NativeLoop {

    private final Path binary;

    NativeLoop(Path binary) {
        this.binary = binary;
    }

    double imagesPerSecond(List<Path> files, int threads, Duration duration) throws IOException, InterruptedException {
        run(files, threads, duration.dividedBy(4));
        return run(files, threads, duration);
    }

    private double run(List<Path> files, int threads, Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), Integer.toString(threads),
                Double.toString(duration.toMillis() / 1000.0)));
        files.forEach(file -> command.add(file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new IOException("tjloop failed: " + output);
        }
        return Double.parseDouble(output);
    }
}
