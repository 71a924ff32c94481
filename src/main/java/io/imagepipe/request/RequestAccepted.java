package io.imagepipe.request;

/** Published inside the transaction that stores a new request, so that its work is queued in the same transaction. */
public record RequestAccepted(NewRequest request) {
}
