package io.imagepipe.signing;

/** A message whose signature is missing, stale or wrong. */
public class SignatureException extends RuntimeException {

    public SignatureException(String message) {
        super(message);
    }
}
