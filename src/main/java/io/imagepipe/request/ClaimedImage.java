package io.imagepipe.request;

/** An image claimed for dispatch: the attempt number fences its callback. */
public record ClaimedImage(ImageRef ref, int attempt, String inputUrl) {
}
