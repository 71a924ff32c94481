package io.imagepipe.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A local HTTP server on 127.0.0.1 serving real image bytes, error statuses, and gated responses. */
public final class TestImageServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int failWith;
    private volatile java.time.Duration delay = java.time.Duration.ZERO;

    private TestImageServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static TestImageServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestImageServer images = new TestImageServer(server);
            server.createContext("/", images::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code body} at {@code path} and returns its URL. */
    public String serve(String path, String contentType, byte[] body) {
        responses.put(path, new Response(200, contentType, body, null));
        return url(path);
    }

    /** Serves {@code body} at {@code path} only once {@code gate} is opened, and returns its URL. */
    public String serveWhenOpen(String path, String contentType, byte[] body, CountDownLatch gate) {
        responses.put(path, new Response(200, contentType, body, gate));
        return url(path);
    }

    /** The URL of a path on this server. Paths not served answer {@code 404}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every GET with this status (e.g. 503) until {@link #recover()}; counts what it refused. */
    public void failWith(int status) {
        failWith = status;
    }

    /** Delays every GET by this much, as a slow server does. */
    public void slowDown(java.time.Duration by) {
        delay = by;
    }

    /** Serves normally again. */
    public void recover() {
        failWith = 0;
        delay = java.time.Duration.ZERO;
    }

    /** GETs refused by {@link #failWith} so far. */
    public int refused() {
        return refused.get();
    }

    /** The last POST received at a path, or null. */
    public Received received(String path) {
        return received.get(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("POST")) {
                received.put(exchange.getRequestURI().getPath(),
                        new Received(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (failWith != 0) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(failWith, -1);
                return;
            }
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            Response response = responses.get(exchange.getRequestURI().getPath());
            if (response == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (response.gate() != null && !response.gate().await(60, TimeUnit.SECONDS)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A POST as received: its headers and body. */
    public record Received(com.sun.net.httpserver.Headers headers, byte[] body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private record Response(int status, String contentType, byte[] body, CountDownLatch gate) {
    }
}
