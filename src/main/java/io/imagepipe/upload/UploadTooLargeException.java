package io.imagepipe.upload;

/** An upload over the configured size limit, detected while reading it. */
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(long limit) {
        super("the CSV is larger than the limit of " + limit + " bytes");
    }
}
