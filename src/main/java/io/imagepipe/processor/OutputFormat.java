package io.imagepipe.processor;

/** The formats ImagePipe writes: JPEG for opaque images, PNG for images with transparency. */
enum OutputFormat {
    JPEG("jpg", "image/jpeg"), PNG("png", "image/png");

    private final String extension;
    private final String contentType;

    OutputFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }
}
