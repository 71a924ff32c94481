package io.imagepipe.request;

import java.util.Objects;

/** What is known of a request before its CSV is read: its ID, and the optional webhook URL and idempotency key. */
public record RequestDraft(RequestId id, String webhookUrl, String idempotencyKey) {

    public RequestDraft {
        Objects.requireNonNull(id, "id");
    }
}
