package io.imagepipe.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP server on 127.0.0.1 whose paths misbehave on purpose: dripping, lying about lengths,
 * sending without end, redirecting anywhere. Every loop in it is bounded and stops when the client goes.
 */
public final class HostileServer implements AutoCloseable {

    /** What a path does with its connection. */
    @FunctionalInterface
    public interface Behaviour {
        void respond(OutputStream out, int hit) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private HostileServer(ServerSocket server) {
        this.server = server;
        Thread.ofVirtual().start(this::accept);
    }

    public static HostileServer start() {
        try {
            return new HostileServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HostileServer on(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** How many requests a path received. */
    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** A complete response with a body and a truthful length. */
    public static Behaviour ok(String contentType, byte[] body) {
        return (out, hit) -> {
            head(out, "200 OK", "Content-Type: " + contentType, "Content-Length: " + body.length);
            out.write(body);
        };
    }

    /** A status with no body. */
    public static Behaviour status(String status) {
        return (out, hit) -> head(out, status, "Content-Length: 0");
    }

    /** A redirect. */
    public static Behaviour redirect(String location) {
        return (out, hit) -> head(out, "302 Found", "Location: " + location, "Content-Length: 0");
    }

    /** Writes a status line and headers, ending the head. */
    public static void head(OutputStream out, String status, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        out.write(head.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            String path = requestPath(socket.getInputStream());
            Behaviour behaviour = behaviours.get(path);
            int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            OutputStream out = socket.getOutputStream();
            if (behaviour == null) {
                head(out, "404 Not Found", "Content-Length: 0");
            } else {
                behaviour.respond(out, hit);
            }
            out.flush();
        } catch (IOException e) {
            // the client hung up, as a guarded client should on a hostile source
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String requestPath(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        String[] requestLine = head.toString().split("\r\n", 2)[0].split(" ");
        return requestLine.length > 1 ? requestLine[1] : "/";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
