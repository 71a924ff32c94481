package io.imagepipe.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import io.imagepipe.testsupport.JpegTables;
import io.imagepipe.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every {@link JpegCodec} does, run against each implementation by a subclass. */
abstract class JpegCodecContract {

    /** The codec under test. */
    abstract JpegCodec codec();

    @ParameterizedTest
    @CsvSource({"640, 480", "333, 217"})
    void encodesAtQuality50WithTheStandardLuminanceTable(int width, int height) throws ImageFailure {
        BufferedImage photo = TestImages.photo(width, height, width);

        byte[] jpeg = codec().encode(photo, 50);

        assertThat(JpegTables.luminance(jpeg)).containsExactly(JpegTables.ijgLuminance(50));
        assertThat(Sof.of(jpeg)).isEqualTo(new Sof(0xC0, width, height, 3));
        assertThat(jpeg.length).isLessThan(TestImages.jpeg(photo, 95).length);
    }

    @ParameterizedTest
    @CsvSource({"640, 480", "333, 217"})
    void decodesToBgrAndEncodesBackWithSmallError(int width, int height) throws ImageFailure {
        BufferedImage photo = TestImages.photo(width, height, width);

        BufferedImage decoded = codec().decode(TestImages.jpeg(photo, 95));
        byte[] again = codec().encode(decoded, 85);

        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(meanError(photo, decoded)).isLessThan(6);
        assertThat(meanError(photo, TestImages.decode(again))).isLessThan(12);
    }

    @Test
    void keepsGreyscaleGrey() throws ImageFailure {
        BufferedImage grey = grey(TestImages.photo(333, 217, 3));
        byte[] jpeg = TestImages.jpeg(grey, 95);

        BufferedImage decoded = codec().decode(jpeg);

        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(meanError(grey, decoded)).isLessThan(4);
        assertThat(Sof.of(codec().encode(decoded, 80)).components()).isEqualTo(1);
        assertThat(Sof.of(codec().encode(grey, 80)).components()).isEqualTo(1);
        assertThat(Sof.of(codec().recompress(jpeg, 80).bytes()).components()).isEqualTo(1);
    }

    @Test
    void decodesProgressiveJpeg() throws ImageFailure, IOException {
        BufferedImage photo = TestImages.photo(333, 217, 4);
        byte[] progressive = progressiveJpeg(photo);
        assertThat(Sof.of(progressive).marker()).isEqualTo(0xC2);

        BufferedImage decoded = codec().decode(progressive);

        assertThat(decoded.getWidth()).isEqualTo(333);
        assertThat(decoded.getHeight()).isEqualTo(217);
        assertThat(meanError(photo, decoded)).isLessThan(6);
    }

    @Test
    void refusesRandomBytesAfterStartOfImage() {
        byte[] garbage = new byte[4096];
        new Random(5).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;

        assertThatThrownBy(() -> codec().decode(garbage)).isInstanceOf(ImageFailure.class)
                .message().containsAnyOf("corrupt", "truncated");
        assertThatThrownBy(() -> codec().recompress(garbage, 80)).isInstanceOf(ImageFailure.class)
                .message().containsAnyOf("corrupt", "truncated");
    }

    @Test
    void refusesTruncatedJpeg() {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(640, 480, 6), 90);
        byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertThatThrownBy(() -> codec().decode(half)).isInstanceOf(ImageFailure.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> codec().recompress(half, 80)).isInstanceOf(ImageFailure.class)
                .hasMessageContaining("truncated");
    }

    @ParameterizedTest
    @CsvSource({"640, 480", "333, 217"})
    void recompressesLikeDecodeThenEncode(int width, int height) throws ImageFailure {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(width, height, 7), 95);

        EncodedImage recompressed = codec().recompress(jpeg, 75);
        byte[] twoSteps = codec().encode(codec().decode(jpeg), 75);

        assertThat(recompressed.format()).isEqualTo(OutputFormat.JPEG);
        assertThat(recompressed.width()).isEqualTo(width);
        assertThat(recompressed.height()).isEqualTo(height);
        assertThat(Sof.of(recompressed.bytes())).isEqualTo(new Sof(0xC0, width, height, 3));
        assertThat(JpegTables.luminance(recompressed.bytes())).containsExactly(JpegTables.ijgLuminance(75));
        assertThat((double) recompressed.bytes().length).isCloseTo(twoSteps.length,
                withPercentage(3));
    }

    @Test
    void ignoresExifOrientation() throws ImageFailure {
        byte[] jpeg = withExifOrientation(TestImages.jpeg(TestImages.photo(333, 217, 8), 90), 6);
        assertThat(ExifOrientation.read(jpeg)).isEqualTo(6);

        BufferedImage decoded = codec().decode(jpeg);
        EncodedImage recompressed = codec().recompress(jpeg, 80);

        assertThat(decoded.getWidth()).isEqualTo(333);
        assertThat(decoded.getHeight()).isEqualTo(217);
        assertThat(recompressed.width()).isEqualTo(333);
        assertThat(recompressed.height()).isEqualTo(217);
    }

    @Test
    void encodesSubImagesAndImagesWithAlpha() throws ImageFailure {
        BufferedImage bgr = bgr(TestImages.photo(640, 480, 9));
        BufferedImage sub = bgr.getSubimage(17, 9, 200, 100);
        BufferedImage argb = new BufferedImage(333, 217, BufferedImage.TYPE_INT_ARGB);
        argb.createGraphics().drawImage(TestImages.photo(333, 217, 10), 0, 0, null);

        BufferedImage subDecoded = TestImages.decode(codec().encode(sub, 90));
        BufferedImage argbDecoded = TestImages.decode(codec().encode(argb, 90));

        assertThat(subDecoded.getWidth()).isEqualTo(200);
        assertThat(subDecoded.getHeight()).isEqualTo(100);
        assertThat(meanError(sub, subDecoded)).isLessThan(8);
        assertThat(meanError(argb, argbDecoded)).isLessThan(8);
    }

    @Test
    void servesManyVirtualThreadsAtOnce() throws Exception {
        byte[] large = TestImages.jpeg(TestImages.photo(640, 480, 11), 90);
        byte[] small = TestImages.jpeg(TestImages.photo(333, 217, 12), 90);
        List<Future<byte[]>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 24; i++) {
                byte[] jpeg = i % 3 == 0 ? large : small;
                boolean inOneCall = i % 2 == 0;
                results.add(executor.submit(() -> inOneCall ? codec().recompress(jpeg, 70).bytes()
                        : codec().encode(codec().decode(jpeg), 70)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(Sof.of(results.get(i).get()))
                        .isEqualTo(i % 3 == 0 ? new Sof(0xC0, 640, 480, 3) : new Sof(0xC0, 333, 217, 3));
            }
        }
    }

    /** A JPEG with four components and no Adobe marker, which decoders read as CMYK. */
    static byte[] cmykJpeg(BufferedImage photo) throws IOException {
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, photo.getWidth(),
                photo.getHeight(), 4, null);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                int rgb = photo.getRGB(x, y);
                int[] pixel = {255 - (rgb >> 16 & 0xFF), 255 - (rgb >> 8 & 0xFF), 255 - (rgb & 0xFF), 0};
                cmyk.setPixel(x, y, pixel);
            }
        }
        return write(new IIOImage(cmyk, null, null), false);
    }

    /** The JPEG with two stray bytes after its JFIF APP0 segment, which libjpeg warns about. */
    static byte[] withStrayBytesInHeader(byte[] jpeg) {
        int at = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        byte[] result = new byte[jpeg.length + 2];
        System.arraycopy(jpeg, 0, result, 0, at);
        result[at] = 7;
        result[at + 1] = 9;
        System.arraycopy(jpeg, at, result, at + 2, jpeg.length - at);
        return result;
    }

    /** Largest per-channel mean absolute difference; grey images compare their samples. */
    static double meanError(BufferedImage expected, BufferedImage actual) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        boolean grey = expected.getType() == BufferedImage.TYPE_BYTE_GRAY;
        long[] sums = new long[3];
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (grey) {
                    sums[0] += Math.abs(expected.getRaster().getSample(x, y, 0)
                            - actual.getRaster().getSample(x, y, 0));
                } else {
                    int a = expected.getRGB(x, y);
                    int b = actual.getRGB(x, y);
                    for (int c = 0; c < 3; c++) {
                        sums[c] += Math.abs((a >> 8 * c & 0xFF) - (b >> 8 * c & 0xFF));
                    }
                }
            }
        }
        return Arrays.stream(sums).max().orElseThrow() / (double) (expected.getWidth() * expected.getHeight());
    }

    private static BufferedImage grey(BufferedImage photo) {
        return redraw(photo, BufferedImage.TYPE_BYTE_GRAY);
    }

    private static BufferedImage bgr(BufferedImage photo) {
        return redraw(photo, BufferedImage.TYPE_3BYTE_BGR);
    }

    private static BufferedImage redraw(BufferedImage image, int type) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        copy.createGraphics().drawImage(image, 0, 0, null);
        return copy;
    }

    private static byte[] progressiveJpeg(BufferedImage photo) throws IOException {
        return write(new IIOImage(photo, null, null), true);
    }

    private static byte[] write(IIOImage image, boolean progressive) {
        return TestImages.jpeg(image, 90, progressive);
    }

    /** The JPEG with an EXIF APP1 segment holding only the orientation, after its JFIF APP0 segment. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] app1 = {
            (byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
            'I', 'I', 42, 0, 8, 0, 0, 0,
            1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0,
            0, 0, 0, 0};
        int at = 2;
        if ((jpeg[3] & 0xFF) == 0xE0) {
            at += 2 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        }
        byte[] result = new byte[jpeg.length + app1.length];
        System.arraycopy(jpeg, 0, result, 0, at);
        System.arraycopy(app1, 0, result, at, app1.length);
        System.arraycopy(jpeg, at, result, at + app1.length, jpeg.length - at);
        return result;
    }

    /** A JPEG's start-of-frame: its marker ({@code 0xC0} baseline, {@code 0xC2} progressive), size and components. */
    record Sof(int marker, int width, int height, int components) {

        static Sof of(byte[] jpeg) {
            int offset = 2;
            while (offset + 10 <= jpeg.length) {
                int marker = jpeg[offset + 1] & 0xFF;
                if (marker >= 0xC0 && marker <= 0xC2) {
                    return new Sof(marker, u16(jpeg, offset + 7), u16(jpeg, offset + 5), jpeg[offset + 9] & 0xFF);
                }
                offset += 2 + u16(jpeg, offset + 2);
            }
            throw new AssertionError("no start-of-frame segment in the JPEG");
        }

        private static int u16(byte[] bytes, int offset) {
            return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
        }
    }
}
