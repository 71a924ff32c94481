package io.imagepipe.processor;

/**
 * A JPEG the native codec does not decode (CMYK, YCCK, 12-bit, lossless, or one libjpeg warns about) but
 * {@code javax.imageio} may.
 */
class UnsupportedJpegException extends ImageFailure {

    UnsupportedJpegException(String reason) {
        super(reason);
    }
}
