package io.imagepipe.request;

/** An image as stored: its input URL, and its output URL or error once it has one. */
public record ImageView(int seq, String inputUrl, String outputUrl, ImageStatus status, String error) {
}
