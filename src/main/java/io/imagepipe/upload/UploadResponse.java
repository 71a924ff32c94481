package io.imagepipe.upload;

/** The body of a {@code 202 Accepted} upload. */
record UploadResponse(String requestId, String status, String statusUrl) {
}
