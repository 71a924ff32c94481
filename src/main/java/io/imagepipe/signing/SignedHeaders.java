package io.imagepipe.signing;

import java.net.http.HttpRequest;

/** The three Standard Webhooks headers of one signed message. */
public record SignedHeaders(String id, String timestamp, String signature) {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    /** Adds the headers to a request being built and returns it. */
    public HttpRequest.Builder applyTo(HttpRequest.Builder request) {
        return request.header(ID, id).header(TIMESTAMP, timestamp).header(SIGNATURE, signature);
    }
}
