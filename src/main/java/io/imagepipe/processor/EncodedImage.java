package io.imagepipe.processor;

/** A compressed output: its bytes, format and pixel size. */
record EncodedImage(byte[] bytes, OutputFormat format, int width, int height) {
}
