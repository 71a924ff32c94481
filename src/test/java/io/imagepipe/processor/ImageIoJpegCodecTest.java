package io.imagepipe.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagepipe.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The {@code javax.imageio} codec against the codec contract, and CMYK, which only it reads. */
class ImageIoJpegCodecTest extends JpegCodecContract {

    private final ImageIoJpegCodec codec = new ImageIoJpegCodec();

    @Override
    JpegCodec codec() {
        return codec;
    }

    @Test
    void toleratesStrayBytesInTheHeader() throws ImageFailure {
        byte[] jpeg = withStrayBytesInHeader(TestImages.jpeg(TestImages.photo(333, 217, 23), 90));

        assertThat(codec.decode(jpeg).getWidth()).isEqualTo(333);
    }

    @Test
    void decodesCmykToBgr() throws ImageFailure, IOException {
        byte[] cmyk = cmykJpeg(TestImages.photo(333, 217, 20));
        assertThat(Sof.of(cmyk).components()).isEqualTo(4);

        BufferedImage decoded = codec.decode(cmyk);
        EncodedImage recompressed = codec.recompress(cmyk, 80);

        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(decoded.getWidth()).isEqualTo(333);
        assertThat(decoded.getHeight()).isEqualTo(217);
        assertThat(Sof.of(recompressed.bytes())).isEqualTo(new Sof(0xC0, 333, 217, 3));
    }
}
