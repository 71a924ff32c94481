package io.imagepipe.worker;

/** The image processing service refused a job for good (4xx other than 429): retrying cannot help. */
class JobRejectedException extends RuntimeException {

    JobRejectedException(String message) {
        super(message);
    }
}
