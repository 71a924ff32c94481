package io.imagepipe.request;

/** Published inside the transaction in which a request's last image got its result. */
public record RequestFinished(RequestId requestId, RequestStatus status, String webhookUrl, Progress progress) {
}
