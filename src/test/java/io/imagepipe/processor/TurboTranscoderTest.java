package io.imagepipe.processor;

/** The transcoder's behaviour with the libjpeg-turbo codec; fails when the library is missing. */
class TurboTranscoderTest extends ImageTranscoderTest {

    private static final JpegCodec TURBO = TurboJpegCodec.load(2).orElseThrow(() -> new AssertionError(
            "libjpeg-turbo did not load: " + TurboJpegCodec.unavailableReason().orElse("?")));

    @Override
    JpegCodec codec() {
        return TURBO;
    }
}
