package io.imagepipe.request;

/** Published inside the transaction that stores a new request, after its last {@link ProductsAccepted}. */
public record RequestAccepted(RequestId requestId, int totalImages) {
}
