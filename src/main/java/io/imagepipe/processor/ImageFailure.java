package io.imagepipe.processor;

/** An image that cannot be processed, with a reason a user understands ({@code HTTP 404 from the source}). */
class ImageFailure extends Exception {

    ImageFailure(String reason) {
        super(reason);
    }

    ImageFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
