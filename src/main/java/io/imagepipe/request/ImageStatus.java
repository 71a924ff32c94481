package io.imagepipe.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an image: PENDING → PROCESSING → SUCCEEDED or FAILED; a PROCESSING image may be
 * dispatched again; a PENDING image fails directly when its task is dead-lettered.
 */
public enum ImageStatus {
    PENDING, PROCESSING, SUCCEEDED, FAILED;

    /** Whether the image has its result. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }

    /**
     * Whether an image in this state may move to {@code next}. PROCESSING → PROCESSING is a
     * re-dispatch after a lease ended; PROCESSING → PENDING gives back a claim whose job was never taken.
     */
    public boolean canMoveTo(ImageStatus next) {
        return switch (this) {
            case PENDING -> next == PROCESSING || next == FAILED;
            case PROCESSING -> true;
            case SUCCEEDED, FAILED -> false;
        };
    }

    /** The states from which an image may move to {@code next}. */
    public static Set<ImageStatus> sourcesOf(ImageStatus next) {
        Set<ImageStatus> sources = EnumSet.noneOf(ImageStatus.class);
        for (ImageStatus status : values()) {
            if (status.canMoveTo(next)) {
                sources.add(status);
            }
        }
        return sources;
    }
}
