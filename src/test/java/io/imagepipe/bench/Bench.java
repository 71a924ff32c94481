package io.imagepipe.bench;

import static org.awaitility.Awaitility.await;

import io.imagepipe.processor.CodecBenchmark;
import io.imagepipe.testsupport.ApiClient;
import io.imagepipe.testsupport.TestImageServer;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ImagePipe's benchmarks, each reported as a ratio against a baseline measured in the same run:
 * codec vs the native TurboJPEG loop, pipeline vs the codec alone, ingest time and heap, status latency
 * under wrk, and how cost grows with size. Run by {@code bench/run [--quick] [codec|ingest|e2e ...]}; prints a
 * Markdown table.
 */
public final class Bench {

    private static final List<String[]> ROWS = new ArrayList<>();
    private static final LiveHeap LIVE_HEAP = new LiveHeap();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean quick = options.contains("--quick");
        List<String> sections = options.stream().filter(a -> !a.startsWith("--")).toList();
        Path work = Path.of(System.getProperty("bench.dir", "target/bench"));
        Path tjloop = Path.of(System.getProperty("bench.tjloop", "target/bench/tjloop"));
        Duration codecTime = Duration.ofSeconds(quick ? 3 : 8);

        if (sections.isEmpty() || sections.contains("codec")) {
            codec(work, new NativeLoop(tjloop), codecTime);
        }
        if (sections.isEmpty() || sections.contains("ingest")) {
            ingestAndStatus(quick ? 20_000 : 100_000);
        }
        if (sections.isEmpty() || sections.contains("e2e")) {
            endToEnd(work, quick ? 240 : Integer.getInteger("bench.images", 1000), codecTime);
        }

        System.out.println();
        System.out.println("| benchmark | measured | baseline | ratio / target |");
        System.out.println("|---|---|---|---|");
        ROWS.forEach(row -> System.out.println("| " + String.join(" | ", row) + " |"));
    }

    private static void codec(Path work, NativeLoop nativeLoop, Duration duration) throws Exception {
        for (int[] size : new int[][] {{1920, 1080}, {4000, 3000}}) {
            List<Path> files = BenchImages.write(work.resolve("images"), size[0], size[1], size[0] > 2000 ? 3 : 8);
            List<byte[]> jpegs = BenchImages.read(files);
            for (int threads = 1; threads <= 2; threads++) {
                double java = CodecBenchmark.nativeImagesPerSecond(jpegs, threads, duration);
                double c = nativeLoop.imagesPerSecond(files, threads, duration);
                row("codec " + size[0] + "×" + size[1] + ", " + threads + " thread(s)", rate(java), "C loop " + rate(c),
                        ratio(java / c) + " (target ≥ 0.90)");
            }
            if (size[0] < 2000) {
                double imageIo = CodecBenchmark.imageIoImagesPerSecond(jpegs, 1, duration);
                double turbo = CodecBenchmark.nativeImagesPerSecond(jpegs, 1, duration);
                row("ImageIO codec 1920×1080, 1 thread (for scale)", rate(imageIo), "ImagePipe codec " + rate(turbo),
                        ratio(imageIo / turbo));
            }
        }
    }

    private static void ingestAndStatus(int rows) throws Exception {
        try (BenchApp app = BenchApp.start("api")) {
            ingest(app, rows, "embedded H2");
            status(app);
        }
        String schema = "imagepipe_bench";
        try (BenchApp app = BenchApp.start("api",
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                "spring.datasource.username", "postgres", "spring.flyway.schemas", schema)) {
            ingest(app, rows, "PostgreSQL");
            app.context.getBean(JdbcTemplate.class).execute("drop schema " + schema + " cascade");
        }
    }

    private static void ingest(BenchApp app, int rows, String database) throws Exception {
        JdbcTemplate jdbc = app.context.getBean(JdbcTemplate.class);
        ingest(app, jdbc, rows / 10);
        double small = ingest(app, jdbc, rows / 10)[0];
        double[] large = ingest(app, jdbc, rows);
        row("ingest " + rows + " rows (" + rows * 3 + " URLs) to 202, " + database,
                String.format(Locale.ROOT, "%.2f s", large[0]), "target 5 s", ratio(large[0] / 5.0) + " of target");
        row("ingest " + rows + " rows until every task is on Kafka, " + database,
                String.format(Locale.ROOT, "%.2f s", large[1]), "", "");
        row("peak live heap during ingest (after GC, whole JVM), " + database,
                String.format(Locale.ROOT, "%.0f MB", large[2]), "target 512 MB", ratio(large[2] / 512) + " of target");
        row("ingest growth: " + rows + " vs " + rows / 10 + " rows, " + database,
                String.format(Locale.ROOT, "%.2f s vs %.2f s", large[0], small), "10× rows",
                ratio(large[0] / small) + "× time (linear ≈ 10)");
    }

    /** Seconds to 202, seconds until the outbox is empty, and peak heap MB. */
    private static double[] ingest(BenchApp app, JdbcTemplate jdbc, int rows) throws Exception {
        StringBuilder csv = new StringBuilder(rows * 120).append("S. No.,Product Name,Input Image Urls\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(",Product ").append(i).append(",\"https://images.example.com/p/").append(i)
                    .append("/a.jpg, https://images.example.com/p/").append(i).append("/b.jpg, https://images.example.com/p/")
                    .append(i).append("/c.jpg\"\n");
        }
        String body = csv.toString();
        System.gc();
        LIVE_HEAP.reset();
        long start = System.nanoTime();
        HttpResponse<String> response = app.api.postCsv(body);
        double accepted = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 202) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("select count(*) from outbox", Long.class) == 0);
        double queued = (System.nanoTime() - start) / 1e9;
        return new double[] {accepted, queued, LIVE_HEAP.peakMegabytes()};
    }

    private static void status(BenchApp app) throws Exception {
        StringBuilder csv = new StringBuilder("S. No.,Product Name,Input Image Urls\n");
        for (int i = 1; i <= 250; i++) {
            csv.append(i).append(",P").append(i).append(",\"https://e.example/").append(i).append("/1.jpg,https://e.example/")
                    .append(i).append("/2.jpg,https://e.example/").append(i).append("/3.jpg,https://e.example/")
                    .append(i).append("/4.jpg\"\n");
        }
        String id = (String) ApiClient.json(app.api.postCsv(csv.toString()).body()).get("requestId");
        String url = "http://127.0.0.1:" + app.context.getEnvironment().getProperty("local.server.port")
                + "/api/v1/requests/" + id + "?size=1000";
        wrk(url, "1s");
        String output = wrk(url, "10s");
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        Matcher p50 = Pattern.compile("50%\\s+([0-9.]+)(us|ms|s)").matcher(output);
        Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!rps.find() || !p50.find() || !p99.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + output);
        }
        double p99ms = millis(p99);
        row("status of a 1,000-image request (wrk, 2 threads, 8 connections)",
                rps.group(1) + " req/s, p50 " + String.format(Locale.ROOT, "%.1f ms", millis(p50)) + ", p99 "
                        + String.format(Locale.ROOT, "%.1f ms", p99ms),
                "target p99 20 ms at 1,000 req/s", ratio(p99ms / 20) + " of p99 target");
    }

    private static String wrk(String url, String duration) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t2", "-c8", "-d" + duration, "--latency", url)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (apt-get install wrk): " + output);
        }
        return output;
    }

    private static void endToEnd(Path work, int images, Duration codecTime) throws Exception {
        List<Path> files = BenchImages.write(work.resolve("images"), 1920, 1080, 8);
        List<byte[]> jpegs = BenchImages.read(files);
        double codecOnly = CodecBenchmark.nativeImagesPerSecond(jpegs, 2, codecTime);
        try (BenchApp app = BenchApp.start("api,worker,processor"); TestImageServer server = TestImageServer.start()) {
            pipeline(app, server, jpegs, images);
            double small = pipeline(app, server, jpegs, images / 10);
            double large = pipeline(app, server, jpegs, images);
            row("end to end, " + images + " images 1920×1080, upload to COMPLETED", rate(large),
                    "codec alone, 2 threads " + rate(codecOnly), ratio(large / codecOnly) + " (target ≥ 0.90)");
            row("end-to-end growth: " + images + " vs " + images / 10 + " images",
                    String.format(Locale.ROOT, "%.2f s vs %.2f s", images / large, images / 10 / small), "10× images",
                    ratio((images / large) / (images / 10 / small)) + "× time (linear ≈ 10)");
        }
    }

    /** Images per second from upload to COMPLETED. */
    private static double pipeline(BenchApp app, TestImageServer server, List<byte[]> jpegs, int images) throws Exception {
        String batch = Long.toString(System.nanoTime());
        StringBuilder csv = new StringBuilder("S. No.,Product Name,Input Image Urls\n");
        for (int i = 0; i < images; i++) {
            String url = server.serve("/" + batch + "/" + i + ".jpg", "image/jpeg", jpegs.get(i % jpegs.size()));
            csv.append(i + 1).append(",P").append(i).append(',').append(url).append('\n');
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        String id = (String) ApiClient.json(app.api.postCsv(csv.toString()).body()).get("requestId");
        ApiClient.StatusDocument status = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> app.api.status(id, 1), s -> s.progress().pending() == 0 && !s.status().equals("PROCESSING"));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "pipeline of %d images: %.2f s, CPU %.2f s (%.0f%% of %d cores)%n", images, seconds,
                cpu, 100 * cpu / (seconds * Runtime.getRuntime().availableProcessors()),
                Runtime.getRuntime().availableProcessors());
        if (!status.status().equals("COMPLETED")) {
            throw new IllegalStateException("request ended " + status.status() + ": " + status.progress());
        }
        return images / seconds;
    }

    private static double millis(Matcher latency) {
        double value = Double.parseDouble(latency.group(1));
        return switch (latency.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static void row(String name, String measured, String baseline, String ratio) {
        ROWS.add(new String[] {name, measured, baseline, ratio});
        System.out.println(name + ": " + measured + " | " + baseline + " | " + ratio);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f images/s", perSecond);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
