package io.imagepipe.callback;

/** A callback body as the image processing service sends it. */
record ImageCallback(String jobId, int attempt, String status, String outputUrl, String error) {
}
