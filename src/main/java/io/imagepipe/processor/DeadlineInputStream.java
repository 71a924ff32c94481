package io.imagepipe.processor;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Reads from a socket only while the deadline holds: a source that drips bytes is cut off when it passes. */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final Deadline deadline;

    DeadlineInputStream(Socket socket, InputStream in, Deadline deadline) {
        super(in);
        this.socket = socket;
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        arm();
        try {
            return super.read();
        } catch (SocketTimeoutException e) {
            throw timeout(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        try {
            return super.read(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            throw timeout(e);
        }
    }

    private void arm() throws IOException {
        long left = deadline.remainingMillis();
        if (left == 0) {
            throw timeout(null);
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    private static IOException timeout(SocketTimeoutException cause) {
        InterruptedIOException e = new DeadlineExceededException();
        e.initCause(cause);
        return e;
    }

    /** The deadline passed while reading. */
    static final class DeadlineExceededException extends InterruptedIOException {
    }
}
