package io.imagepipe.processor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Times ImagePipe's JPEG re-encode (decode + encode at quality 50) over a set of images on N threads. */
public final class CodecBenchmark {

    private CodecBenchmark() {
    }

    /** Images per second of the native codec, after a warm-up of a quarter of the duration. */
    public static double nativeImagesPerSecond(List<byte[]> jpegs, int threads, Duration duration) throws Exception {
        try (TurboJpegCodec codec = TurboJpegCodec.load(threads).orElseThrow(
                () -> new IllegalStateException("libjpeg-turbo did not load"))) {
            return imagesPerSecond(codec, jpegs, threads, duration);
        }
    }

    /** Images per second of the ImageIO codec, for comparison. */
    public static double imageIoImagesPerSecond(List<byte[]> jpegs, int threads, Duration duration) throws Exception {
        return imagesPerSecond(new ImageIoJpegCodec(), jpegs, threads, duration);
    }

    private static double imagesPerSecond(JpegCodec codec, List<byte[]> jpegs, int threads, Duration duration)
            throws Exception {
        run(codec, jpegs, threads, duration.dividedBy(4));
        long start = System.nanoTime();
        long done = run(codec, jpegs, threads, duration);
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private static long run(JpegCodec codec, List<byte[]> jpegs, int threads, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong done = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                workers.add(pool.submit(() -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        codec.recompress(jpegs.get(i % jpegs.size()), 50);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return done.get();
    }
}
