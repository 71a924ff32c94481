package io.imagepipe.request;

/** How many of a request's images succeeded, failed and are still pending. */
public record Progress(int totalImages, int succeeded, int failed) {

    /** Images without a result yet. */
    public int pending() {
        return totalImages - succeeded - failed;
    }
}
