package io.imagepipe.request;

/** The request an idempotency key already names, and the SHA-256 of the file it was made from. */
public record IdempotentUpload(RequestId requestId, String contentSha256) {
}
