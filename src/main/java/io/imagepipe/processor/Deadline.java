package io.imagepipe.processor;

import java.time.Duration;

/** A point in time a whole download must finish by. */
record Deadline(long nanos, Duration budget) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Milliseconds left, at least 1 while time remains, 0 once it has passed. */
    long remainingMillis() {
        long left = nanos - System.nanoTime();
        return left <= 0 ? 0 : Math.max(1, left / 1_000_000);
    }

    TransientImageFailure exceeded() {
        return new TransientImageFailure("the source did not send the image within " + budget.toSeconds() + " s");
    }
}
