package io.imagepipe.request;

import java.util.Objects;
import java.util.UUID;

/** The unguessable identity of a request. */
public record RequestId(UUID value) {

    public RequestId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random ID. */
    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static RequestId parse(String text) {
        return new RequestId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
