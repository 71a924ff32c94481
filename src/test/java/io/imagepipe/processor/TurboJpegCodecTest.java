package io.imagepipe.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagepipe.testsupport.TestImages;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The libjpeg-turbo codec against the codec contract; fails, never skips, when libturbojpeg is missing. */
class TurboJpegCodecTest extends JpegCodecContract {

    private static TurboJpegCodec codec;

    @BeforeAll
    static void load() {
        codec = TurboJpegCodec.load(2).orElseThrow(() -> new AssertionError(
                "libturbojpeg.so.0 must be installed: " + TurboJpegCodec.unavailableReason().orElse("")));
    }

    @AfterAll
    static void close() {
        codec.close();
    }

    @Override
    JpegCodec codec() {
        return codec;
    }

    @Test
    void refusesCmykAsUnsupported() throws IOException {
        byte[] cmyk = cmykJpeg(TestImages.photo(333, 217, 20));

        assertThatThrownBy(() -> codec.decode(cmyk)).isInstanceOf(UnsupportedJpegException.class)
                .hasMessageStartingWith("unsupported");
        assertThatThrownBy(() -> codec.recompress(cmyk, 80)).isInstanceOf(UnsupportedJpegException.class);
    }

    @Test
    void leavesJpegWithWarningsToImageIo() {
        byte[] jpeg = withStrayBytesInHeader(TestImages.jpeg(TestImages.photo(333, 217, 23), 90));

        assertThatThrownBy(() -> codec.decode(jpeg)).isInstanceOf(UnsupportedJpegException.class)
                .hasMessageContaining("extraneous bytes");
    }

    @Test
    void refusesTwelveBitJpegAsUnsupported() {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(64, 48, 21), 90);
        jpeg[sofOffset(jpeg) + 4] = 12;

        assertThatThrownBy(() -> codec.decode(jpeg)).isInstanceOf(UnsupportedJpegException.class)
                .hasMessageContaining("precision");
    }

    @Test
    void decodesAgainAfterRefusingAHeader() throws ImageFailure {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(64, 48, 24), 90);
        byte[] noImage = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        try (TurboJpegCodec single = TurboJpegCodec.load(1).orElseThrow()) {
            assertThatThrownBy(() -> single.decode(noImage)).isInstanceOf(ImageFailure.class)
                    .hasMessageStartingWith("the image is corrupt");

            assertThat(single.decode(jpeg).getWidth()).isEqualTo(64);
        }
    }

    @Test
    void refusesCallsOnceClosed() {
        TurboJpegCodec closed = TurboJpegCodec.load(1).orElseThrow();
        closed.close();
        closed.close();

        assertThat(TurboJpegCodec.unavailableReason()).isEmpty();
        assertThatThrownBy(() -> closed.decode(TestImages.jpeg(TestImages.photo(64, 48, 22), 90)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static int sofOffset(byte[] jpeg) {
        int offset = 2;
        while ((jpeg[offset + 1] & 0xFF) != 0xC0) {
            offset += 2 + ((jpeg[offset + 2] & 0xFF) << 8 | jpeg[offset + 3] & 0xFF);
        }
        return offset;
    }
}
