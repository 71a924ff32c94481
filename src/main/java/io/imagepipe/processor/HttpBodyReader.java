package io.imagepipe.processor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a response body, chunked, of a declared length or up to the end of the connection, and stops
 * as soon as it passes the byte cap, whatever the source declared.
 */
final class HttpBodyReader {

    private final long maxBytes;

    HttpBodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] read(InputStream in, HttpResponseHead head, MemoryBudget.Reservation memory, Deadline deadline)
            throws IOException, ImageFailure {
        long declared = head.contentLength();
        if (declared > maxBytes) {
            throw tooLarge(String.format(Locale.ROOT, "%.1f MB", declared / 1048576.0));
        }
        CappedBuffer body = new CappedBuffer(declared > 0 ? (int) declared : 64 * 1024, memory, deadline);
        if (head.chunked()) {
            readChunks(in, body);
        } else if (declared >= 0) {
            copy(in, body, declared);
        } else {
            copy(in, body, Long.MAX_VALUE);
        }
        return body.toByteArray();
    }

    private void readChunks(InputStream in, CappedBuffer body) throws IOException, ImageFailure {
        while (true) {
            String sizeLine = HttpResponseHead.line(in);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new ImageFailure("the source sent a malformed chunked body");
            }
            if (size == 0) {
                while (!HttpResponseHead.line(in).isEmpty()) {
                    // trailers are ignored
                }
                return;
            }
            copy(in, body, size);
            HttpResponseHead.line(in);
        }
    }

    private void copy(InputStream in, CappedBuffer body, long length) throws IOException, ImageFailure {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new TransientImageFailure("the source closed the connection before sending the whole image");
            }
            body.write(buffer, n);
            left -= n;
        }
    }

    private ImageFailure tooLarge(String size) {
        return new ImageFailure(String.format(Locale.ROOT, "source too large: %s > %.1f MB", size, maxBytes / 1048576.0));
    }

    /** A growing buffer that refuses to pass the cap and reserves its bytes from the memory budget. */
    private final class CappedBuffer extends ByteArrayOutputStream {

        private final MemoryBudget.Reservation memory;
        private final Deadline deadline;

        CappedBuffer(int initial, MemoryBudget.Reservation memory, Deadline deadline) throws ImageFailure {
            super(Math.max(1024, Math.min(initial, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes))));
            this.memory = memory;
            this.deadline = deadline;
            memory.growTo(buf.length, deadline);
        }

        void write(byte[] bytes, int length) throws ImageFailure {
            if (count + (long) length > maxBytes) {
                throw tooLarge("more than " + String.format(Locale.ROOT, "%.1f MB", maxBytes / 1048576.0));
            }
            if (count + length > buf.length) {
                memory.growTo(Math.max(2L * buf.length, count + length), deadline);
            }
            write(bytes, 0, length);
        }
    }
}
