package io.imagepipe.request;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of a request: PENDING → PROCESSING → one of three final states that never change again. */
public enum RequestStatus {
    PENDING, PROCESSING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED;

    /** Whether the request is finished. */
    public boolean isFinal() {
        return this == COMPLETED || this == COMPLETED_WITH_ERRORS || this == FAILED;
    }

    /** Whether a request in this state may move to {@code next}. */
    public boolean canMoveTo(RequestStatus next) {
        return switch (this) {
            case PENDING -> next == PROCESSING || next.isFinal();
            case PROCESSING -> next.isFinal();
            case COMPLETED, COMPLETED_WITH_ERRORS, FAILED -> false;
        };
    }

    /** The states from which a request may move to {@code next}. */
    public static Set<RequestStatus> sourcesOf(RequestStatus next) {
        Set<RequestStatus> sources = EnumSet.noneOf(RequestStatus.class);
        for (RequestStatus status : values()) {
            if (status.canMoveTo(next)) {
                sources.add(status);
            }
        }
        return sources;
    }

    /** The final state of a request whose images all ended with these counts; at least one image. */
    public static RequestStatus finalFor(int succeeded, int failed) {
        if (succeeded < 0 || failed < 0 || succeeded + failed == 0) {
            throw new IllegalArgumentException("counts must not be negative and a request has at least one image: "
                    + succeeded + " succeeded, " + failed + " failed");
        }
        if (failed == 0) {
            return COMPLETED;
        }
        return succeeded == 0 ? FAILED : COMPLETED_WITH_ERRORS;
    }
}
