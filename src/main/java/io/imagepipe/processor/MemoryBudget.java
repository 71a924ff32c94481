package io.imagepipe.processor;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the bytes of downloaded sources held at once, whatever the number of jobs: a download
 * reserves its bytes before reading them (all at once when the length is declared) and gives them
 * back once its image is encoded. A download that cannot get bytes before its deadline fails as busy.
 */
final class MemoryBudget {

    private static final int UNIT = 1024;

    private final Semaphore kibibytes;

    MemoryBudget(long bytes) {
        this.kibibytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / UNIT)));
    }

    /** An empty reservation to grow. */
    Reservation reservation() {
        return new Reservation();
    }

    /** Bytes a download holds; release it exactly once. */
    final class Reservation implements AutoCloseable {

        private int held;

        /** Makes sure {@code total} bytes are reserved, waiting for them until the deadline. */
        void growTo(long total, Deadline deadline) throws ImageFailure {
            int needed = (int) Math.min(Integer.MAX_VALUE, (total + UNIT - 1) / UNIT) - held;
            if (needed <= 0) {
                return;
            }
            try {
                if (!kibibytes.tryAcquire(needed, deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                    throw new TransientImageFailure("the image processing service is busy: its download memory is full");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImageFailure("download interrupted", e);
            }
            held += needed;
        }

        @Override
        public void close() {
            kibibytes.release(held);
            held = 0;
        }
    }

    /** Bytes free now, for metrics and tests. */
    long available() {
        return (long) kibibytes.availablePermits() * UNIT;
    }
}
