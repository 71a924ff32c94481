package io.imagepipe.request;

/** The outcome of one attempt at an image: an output URL, or an error saying why it failed. */
public record ImageResult(ImageRef ref, int attempt, String outputUrl, String error) {

    /** A successful attempt. */
    public static ImageResult succeeded(ImageRef ref, int attempt, String outputUrl) {
        return new ImageResult(ref, attempt, outputUrl, null);
    }

    /** A failed attempt. */
    public static ImageResult failed(ImageRef ref, int attempt, String error) {
        return new ImageResult(ref, attempt, null, error);
    }

    /** Whether the image succeeded. */
    public boolean isSuccess() {
        return outputUrl != null;
    }
}
