package io.imagepipe.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes through while counting them against a limit and hashing them with SHA-256. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final MessageDigest digest;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
            digest.update(buffer, offset, n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw new UploadTooLargeException(limit);
        }
    }

    /** The SHA-256 of what was read, in hex; call once, after reading to the end (a successful parse does). */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
