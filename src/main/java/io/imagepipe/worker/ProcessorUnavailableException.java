package io.imagepipe.worker;

/** The image processing service stayed busy or unreachable for the whole submission deadline. */
class ProcessorUnavailableException extends RuntimeException {

    ProcessorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
