package io.imagepipe.processor;

import java.awt.image.BufferedImage;

/** Decodes and encodes JPEG; the native (libjpeg-turbo) and the {@code javax.imageio} implementations pass the same tests. */
interface JpegCodec {

    /** A short name for logs and {@code /actuator/info}, e.g. {@code libjpeg-turbo 2.1} or {@code imageio}. */
    String name();

    /**
     * Decodes a JPEG to an upright-as-stored image ({@code TYPE_3BYTE_BGR}, or {@code TYPE_BYTE_GRAY} for greyscale).
     *
     * @throws ImageFailure when the bytes are not an intact JPEG this codec can read
     */
    BufferedImage decode(byte[] jpeg) throws ImageFailure;

    /**
     * Encodes an opaque image as a baseline JPEG at the quality (1 to 100), greyscale kept greyscale.
     *
     * @throws ImageFailure when encoding fails
     */
    byte[] encode(BufferedImage image, int quality) throws ImageFailure;

    /**
     * Decodes a JPEG and encodes it again at the quality without handing pixels to Java, where the codec
     * can; the default goes through {@link #decode} and {@link #encode}.
     */
    default EncodedImage recompress(byte[] jpeg, int quality) throws ImageFailure {
        BufferedImage image = decode(jpeg);
        return new EncodedImage(encode(image, quality), OutputFormat.JPEG, image.getWidth(), image.getHeight());
    }
}
