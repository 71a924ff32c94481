package io.imagepipe.upload;

/** An {@code Idempotency-Key} already used for a different file. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String key) {
        super("the Idempotency-Key '" + key + "' belongs to another upload: a different file, or one still being stored");
    }
}
