package io.imagepipe.processor;

/** A failure that may pass if tried again: a timeout, {@code 429} or a {@code 5xx} from the source. */
class TransientImageFailure extends ImageFailure {

    TransientImageFailure(String reason) {
        super(reason);
    }

    TransientImageFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
