package io.imagepipe.processor;

import static io.imagepipe.processor.GradientImages.exifSegment;
import static io.imagepipe.processor.GradientImages.jpeg;
import static io.imagepipe.processor.GradientImages.photo;
import static io.imagepipe.processor.GradientImages.withSegmentAfterSoi;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {

    private static final byte[] PLAIN_JPEG = jpeg(photo(32, 16), 0.9f);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsTheOrientationInBigEndianExif(int orientation) {
        byte[] jpeg = withSegmentAfterSoi(PLAIN_JPEG, exifSegment(orientation, ByteOrder.BIG_ENDIAN));

        assertThat(ExifOrientation.read(jpeg)).isEqualTo(orientation);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 8})
    void readsTheOrientationInLittleEndianExif(int orientation) {
        byte[] jpeg = withSegmentAfterSoi(PLAIN_JPEG, exifSegment(orientation, ByteOrder.LITTLE_ENDIAN));

        assertThat(ExifOrientation.read(jpeg)).isEqualTo(orientation);
    }

    @Test
    void findsExifAfterOtherSegments() {
        byte[] app0First = withSegmentAfterSoi(PLAIN_JPEG, exifSegment(6, ByteOrder.BIG_ENDIAN));
        byte[] comment = {(byte) 0xFF, (byte) 0xFE, 0, 7, 'h', 'e', 'l', 'l', 'o'};

        assertThat(ExifOrientation.read(withSegmentAfterSoi(app0First, comment))).isEqualTo(6);
    }

    @Test
    void isOneWithoutExif() {
        assertThat(ExifOrientation.read(PLAIN_JPEG)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 0xFFFF})
    void isOneForAnOutOfRangeValue(int value) {
        byte[] jpeg = withSegmentAfterSoi(PLAIN_JPEG, exifSegment(value, ByteOrder.BIG_ENDIAN));

        assertThat(ExifOrientation.read(jpeg)).isEqualTo(1);
    }

    @Test
    void isOneForGarbageWithoutThrowing() {
        assertThat(ExifOrientation.read(new byte[0])).isEqualTo(1);
        assertThat(ExifOrientation.read(new byte[] {(byte) 0xFF})).isEqualTo(1);
        assertThat(ExifOrientation.read("<html>not a jpeg</html>".getBytes())).isEqualTo(1);
        byte[] exif = withSegmentAfterSoi(PLAIN_JPEG, exifSegment(6, ByteOrder.BIG_ENDIAN));
        for (int length = 0; length < 32; length++) { // the value ends at byte 32
            assertThat(ExifOrientation.read(Arrays.copyOf(exif, length))).as("first %d bytes", length).isEqualTo(1);
        }
    }

    @Test
    void isBetweenOneAndEightForRandomisedExifSegments() {
        Random random = new Random(7);
        byte[] segment = exifSegment(6, ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 20_000; i++) {
            byte[] corrupt = segment.clone();
            for (int flips = 0; flips < 3; flips++) {
                corrupt[2 + random.nextInt(corrupt.length - 2)] = (byte) random.nextInt(256);
            }
            byte[] jpeg = withSegmentAfterSoi(PLAIN_JPEG, corrupt);

            assertThat(ExifOrientation.read(jpeg)).isBetween(1, 8);
        }
    }

    @Test
    void leavesTheImageAsItIsForOrientationOne() {
        BufferedImage image = photo(4, 2);

        assertThat(ExifOrientation.apply(image, 1)).isSameAs(image);
        assertThat(ExifOrientation.apply(image, 0)).isSameAs(image);
    }

    @Test
    void rotatesClockwiseForOrientationSix() {
        BufferedImage upright = ExifOrientation.apply(marked(), 6);

        assertThat(upright.getWidth()).isEqualTo(2);
        assertThat(upright.getHeight()).isEqualTo(3);
        assertThat(pixels(upright)).isEqualTo(new int[][] {{4, 1}, {5, 2}, {6, 3}});
    }

    @Test
    void rotatesCounterClockwiseForOrientationEight() {
        assertThat(pixels(ExifOrientation.apply(marked(), 8))).isEqualTo(new int[][] {{3, 6}, {2, 5}, {1, 4}});
    }

    @Test
    void turnsUpsideDownForOrientationThree() {
        assertThat(pixels(ExifOrientation.apply(marked(), 3))).isEqualTo(new int[][] {{6, 5, 4}, {3, 2, 1}});
    }

    @Test
    void mirrorsForOrientationsTwoAndFour() {
        assertThat(pixels(ExifOrientation.apply(marked(), 2))).isEqualTo(new int[][] {{3, 2, 1}, {6, 5, 4}});
        assertThat(pixels(ExifOrientation.apply(marked(), 4))).isEqualTo(new int[][] {{4, 5, 6}, {1, 2, 3}});
    }

    @Test
    void transposesForOrientationsFiveAndSeven() {
        assertThat(pixels(ExifOrientation.apply(marked(), 5))).isEqualTo(new int[][] {{1, 4}, {2, 5}, {3, 6}});
        assertThat(pixels(ExifOrientation.apply(marked(), 7))).isEqualTo(new int[][] {{6, 3}, {5, 2}, {4, 1}});
    }

    /** A 3×2 image whose pixels are 1 2 3 / 4 5 6 (in the blue channel), as stored. */
    private static BufferedImage marked() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                image.setRGB(x, y, 1 + x + 3 * y);
            }
        }
        return image;
    }

    private static int[][] pixels(BufferedImage image) {
        int[][] rows = new int[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                rows[y][x] = image.getRGB(x, y) & 0xFF;
            }
        }
        return rows;
    }
}
