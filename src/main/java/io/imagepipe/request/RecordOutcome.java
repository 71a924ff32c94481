package io.imagepipe.request;

/** What recording an image result did. */
public enum RecordOutcome {
    /** The result is now the image's. */
    RECORDED,
    /** The image already had its result, or the attempt is not the current one: nothing changed. */
    IGNORED,
    /** No such image. */
    UNKNOWN_IMAGE
}
