package io.imagepipe.processor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The status and headers of an HTTP/1.1 response, read with limits on their size. */
record HttpResponseHead(int status, Map<String, String> headers) {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** A header's value by case-insensitive name, or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Reads the status line and headers, leaving the stream at the body.
     *
     * @throws ImageFailure when the source does not speak HTTP/1.x or sends an oversized head
     */
    static HttpResponseHead read(InputStream in) throws IOException, ImageFailure {
        Counter counter = new Counter();
        String statusLine = line(in, counter);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new ImageFailure("the source does not speak HTTP/1.1");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ImageFailure("the source sent an invalid HTTP status");
        }
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in, counter); !line.isEmpty(); line = line(in, counter)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
        }
        return new HttpResponseHead(status, headers);
    }

    /** Reads one CRLF- or LF-terminated line. */
    static String line(InputStream in, Counter counter) throws IOException, ImageFailure {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new TransientImageFailure("the source closed the connection before its response was complete");
            }
            if (++counter.bytes > MAX_HEAD_BYTES) {
                throw new ImageFailure("the source sent more than 64 KB of headers");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    /** Bytes read of a head. */
    static final class Counter {
        int bytes;
    }

    /** Reads one line outside a head, such as a chunk size. */
    static String line(InputStream in) throws IOException, ImageFailure {
        return line(in, new Counter());
    }

    /** The body is chunked. */
    boolean chunked() {
        String encoding = header("transfer-encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The declared length, or -1. */
    long contentLength() {
        String value = header("content-length");
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
