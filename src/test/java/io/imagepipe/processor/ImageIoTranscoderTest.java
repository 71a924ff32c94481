package io.imagepipe.processor;

/** The transcoder's behaviour with the ImageIO JPEG codec. */
class ImageIoTranscoderTest extends ImageTranscoderTest {

    @Override
    JpegCodec codec() {
        return new ImageIoJpegCodec();
    }
}
