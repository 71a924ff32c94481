package io.imagepipe.processor;

import static io.imagepipe.processor.GradientImages.decode;
import static io.imagepipe.processor.GradientImages.exifSegment;
import static io.imagepipe.processor.GradientImages.jpeg;
import static io.imagepipe.processor.GradientImages.photo;
import static io.imagepipe.processor.GradientImages.png;
import static io.imagepipe.processor.GradientImages.withSegmentAfterSoi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

abstract class ImageTranscoderTest {

    /** The JPEG codec under test. */
    abstract JpegCodec codec();


    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    /** JPEG spec (ITU T.81) Annex K.1, Table K.1: the luminance quantisation table, in natural (row) order. */
    private static final int[] ANNEX_K1_LUMINANCE = {
            16, 11, 10, 16, 24, 40, 51, 61,
            12, 12, 14, 19, 26, 58, 60, 55,
            14, 13, 16, 24, 40, 57, 69, 56,
            14, 17, 22, 29, 51, 87, 80, 62,
            18, 22, 37, 56, 68, 109, 103, 77,
            24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101,
            72, 92, 95, 98, 112, 100, 103, 99};

    /** For each position in a DQT segment's zig-zag order, the index in natural order (T.81 Figure A.6). */
    private static final int[] ZIGZAG = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
            12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
            35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
            58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private final ImageTranscoder transcoder = new ImageTranscoder(codec(), 50, 50_000_000);

    private static final byte[] PHOTO_Q95 = jpeg(photo(WIDTH, HEIGHT), 0.95f);

    @Test
    void reencodesAJpegAsADecodableJpegOfTheSameSize() throws ImageFailure {
        EncodedImage output = transcoder.transcode(PHOTO_Q95);

        assertThat(output.format()).isEqualTo(OutputFormat.JPEG);
        assertThat(output.width()).isEqualTo(WIDTH);
        assertThat(output.height()).isEqualTo(HEIGHT);
        BufferedImage decoded = decode(output.bytes());
        assertThat(decoded.getWidth()).isEqualTo(WIDTH);
        assertThat(decoded.getHeight()).isEqualTo(HEIGHT);
    }

    @Test
    void anAnimatedGifBecomesItsFirstFrame() throws Exception {
        byte[] gif = animatedGif(Color.RED, Color.BLUE);

        EncodedImage output = transcoder.transcode(gif);

        assertThat(output.format()).isEqualTo(OutputFormat.JPEG);
        BufferedImage decoded = decode(output.bytes());
        assertThat(decoded.getWidth()).isEqualTo(40);
        int rgb = decoded.getRGB(20, 20);
        assertThat((rgb >> 16) & 0xFF).as("red of the first frame").isGreaterThan(200);
        assertThat(rgb & 0xFF).as("blue of the second frame").isLessThan(60);
    }

    private static byte[] animatedGif(Color... frames) throws java.io.IOException {
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("gif").next();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (Color color : frames) {
                BufferedImage frame = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_INDEXED);
                Graphics2D g = frame.createGraphics();
                g.setColor(color);
                g.fillRect(0, 0, 40, 30);
                g.dispose();
                writer.writeToSequence(new javax.imageio.IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void makesTheJpegSmallerThanAHighQualityInput() throws ImageFailure {
        EncodedImage output = transcoder.transcode(PHOTO_Q95);

        assertThat(output.bytes().length).isLessThan(PHOTO_Q95.length);
    }

    @Test
    void keepsThePictureRecognisable() throws ImageFailure {
        BufferedImage decoded = decode(transcoder.transcode(PHOTO_Q95).bytes());
        BufferedImage original = photo(WIDTH, HEIGHT);

        assertThat(meanAbsoluteDifference(original, decoded)).isLessThan(10.0);
    }

    @Test
    void encodesAtQuality50WithTheStandardLuminanceTable() throws ImageFailure {
        byte[] output = transcoder.transcode(PHOTO_Q95).bytes();

        assertThat(luminanceTable(output)).containsExactly(ANNEX_K1_LUMINANCE);
    }

    @Test
    void keepsAGreyscaleJpegGreyAndDecodable() throws ImageFailure {
        byte[] grey = jpeg(photo(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY), 0.95f);

        EncodedImage output = transcoder.transcode(grey);

        assertThat(output.format()).isEqualTo(OutputFormat.JPEG);
        BufferedImage decoded = decode(output.bytes());
        assertThat(decoded.getWidth()).isEqualTo(WIDTH);
        assertThat(decoded.getHeight()).isEqualTo(HEIGHT);
        assertThat(decoded.getRaster().getNumBands()).isEqualTo(1);
    }

    @Test
    void keepsAPngWithTransparentPixelsAsPng() throws ImageFailure {
        BufferedImage image = photo(200, 100, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < 50; x++) {
            for (int y = 0; y < 50; y++) {
                image.setRGB(x, y, 0x00000000);
            }
        }

        EncodedImage output = transcoder.transcode(png(image));

        assertThat(output.format()).isEqualTo(OutputFormat.PNG);
        assertThat(output.bytes()).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage decoded = decode(output.bytes());
        assertThat(decoded.getRGB(10, 10) >>> 24).as("alpha of a transparent pixel").isZero();
        assertThat(decoded.getRGB(150, 80) >>> 24).as("alpha of an opaque pixel").isEqualTo(255);
    }

    @Test
    void keepsAnIndexedPngWithATransparentPaletteEntryAsPng() throws ImageFailure {
        byte[] r = {(byte) 255, 0, 0, 0};
        byte[] g = {0, (byte) 255, 0, 0};
        byte[] b = {0, 0, (byte) 255, 0};
        IndexColorModel palette = new IndexColorModel(8, 4, r, g, b, 3);
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_INDEXED, palette);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 64, 64);
        graphics.dispose();
        image.getRaster().setSample(5, 5, 0, 3);

        EncodedImage output = transcoder.transcode(png(image));

        assertThat(output.format()).isEqualTo(OutputFormat.PNG);
        BufferedImage decoded = decode(output.bytes());
        assertThat(decoded.getRGB(5, 5) >>> 24).as("alpha of the transparent palette entry").isZero();
        assertThat(decoded.getRGB(30, 30)).isEqualTo(0xFFFF0000);
    }

    @Test
    void turnsAnOpaquePngIntoAJpeg() throws ImageFailure {
        EncodedImage output = transcoder.transcode(png(photo(320, 240)));

        assertThat(output.format()).isEqualTo(OutputFormat.JPEG);
        assertThat(output.bytes()).startsWith(0xFF, 0xD8, 0xFF);
        assertThat(decode(output.bytes()).getWidth()).isEqualTo(320);
    }

    @Test
    void turnsAPngWithAnAlphaChannelButNoTransparentPixelIntoAJpeg() throws ImageFailure {
        EncodedImage output = transcoder.transcode(png(photo(320, 240, BufferedImage.TYPE_INT_ARGB)));

        assertThat(output.format()).isEqualTo(OutputFormat.JPEG);
        assertThat(decode(output.bytes()).getHeight()).isEqualTo(240);
    }

    @Test
    void refusesHtml() {
        byte[] html = "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(ImageFailure.class).isThrownBy(() -> transcoder.transcode(html))
                .withMessage("not an image: the source sent HTML");
    }

    @Test
    void refusesNoBytes() {
        assertThatExceptionOfType(ImageFailure.class).isThrownBy(() -> transcoder.transcode(new byte[0]))
                .withMessage("not an image: the source sent no bytes");
    }

    @Test
    void refusesAJpegTruncatedInItsImageData() {
        byte[] truncated = Arrays.copyOf(PHOTO_Q95, PHOTO_Q95.length / 2);

        assertThatExceptionOfType(ImageFailure.class).isThrownBy(() -> transcoder.transcode(truncated))
                .withMessageStartingWith("the image is truncated");
    }

    @Test
    void refusesAJpegTruncatedInItsHeaders() {
        byte[] truncated = Arrays.copyOf(PHOTO_Q95, 20);

        assertThatExceptionOfType(ImageFailure.class).isThrownBy(() -> transcoder.transcode(truncated))
                .withMessageStartingWith("the image is corrupt");
    }

    @Test
    void refusesAnImageWithTooManyPixelsByItsHeader() {
        ImageTranscoder small = new ImageTranscoder(codec(), 50, WIDTH * HEIGHT - 1);
        byte[] headerOnly = Arrays.copyOf(PHOTO_Q95, 1000);

        assertThatExceptionOfType(ImageFailure.class).isThrownBy(() -> small.transcode(PHOTO_Q95))
                .withMessageStartingWith("too many pixels: 640×480");
        assertThatExceptionOfType(ImageFailure.class).isThrownBy(() -> small.transcode(headerOnly))
                .as("refused before the image data is read")
                .withMessageStartingWith("too many pixels");
    }

    @Test
    void acceptsAnImageOfExactlyTheMaximumPixels() throws ImageFailure {
        EncodedImage output = new ImageTranscoder(codec(), 50, WIDTH * HEIGHT).transcode(PHOTO_Q95);

        assertThat(output.width() * output.height()).isEqualTo(WIDTH * HEIGHT);
    }

    @Test
    void turnsAJpegWithExifOrientation6Upright() throws ImageFailure {
        BufferedImage image = photo(WIDTH, HEIGHT);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 100, 100);
        graphics.dispose();
        byte[] rotated = withSegmentAfterSoi(jpeg(image, 0.95f), exifSegment(6, ByteOrder.BIG_ENDIAN));

        EncodedImage output = transcoder.transcode(rotated);

        assertThat(output.width()).isEqualTo(HEIGHT);
        assertThat(output.height()).isEqualTo(WIDTH);
        BufferedImage decoded = decode(output.bytes());
        assertThat(decoded.getWidth()).isEqualTo(HEIGHT);
        assertThat(decoded.getHeight()).isEqualTo(WIDTH);
        assertThat(isRed(decoded.getRGB(HEIGHT - 50, 50))).as("the stored top-left corner is now top-right").isTrue();
        assertThat(isRed(decoded.getRGB(50, 50))).isFalse();
    }

    @Test
    void leavesAJpegWithExifOrientation1AsItIs() throws ImageFailure {
        byte[] upright = withSegmentAfterSoi(PHOTO_Q95, exifSegment(1, ByteOrder.LITTLE_ENDIAN));

        EncodedImage output = transcoder.transcode(upright);

        assertThat(output.width()).isEqualTo(WIDTH);
        assertThat(output.height()).isEqualTo(HEIGHT);
    }

    @Test
    void dropsTheExifSegment() throws ImageFailure {
        byte[] rotated = withSegmentAfterSoi(PHOTO_Q95, exifSegment(6, ByteOrder.BIG_ENDIAN));

        byte[] output = transcoder.transcode(rotated).bytes();

        assertThat(ExifOrientation.read(output)).isEqualTo(1);
        assertThat(new String(output, StandardCharsets.ISO_8859_1)).doesNotContain("Exif\0\0");
    }

    private static boolean isRed(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return r > 200 && g < 60 && b < 60;
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** The quantisation table 0 of a JPEG, read from its DQT segments and put in natural order. */
    private static int[] luminanceTable(byte[] jpeg) {
        assertThat(jpeg).startsWith(0xFF, 0xD8);
        int offset = 2;
        while (offset + 4 <= jpeg.length && (jpeg[offset] & 0xFF) == 0xFF) {
            int marker = jpeg[offset + 1] & 0xFF;
            int length = (jpeg[offset + 2] & 0xFF) << 8 | jpeg[offset + 3] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            if (marker == 0xDB) {
                int at = offset + 4;
                int end = offset + 2 + length;
                while (at < end) {
                    int precision = (jpeg[at] & 0xFF) >> 4;
                    int id = jpeg[at] & 0x0F;
                    int[] natural = new int[64];
                    for (int k = 0; k < 64; k++) {
                        natural[ZIGZAG[k]] = precision == 0
                                ? jpeg[at + 1 + k] & 0xFF
                                : (jpeg[at + 1 + 2 * k] & 0xFF) << 8 | jpeg[at + 2 + 2 * k] & 0xFF;
                    }
                    if (id == 0) {
                        return natural;
                    }
                    at += 1 + (precision == 0 ? 64 : 128);
                }
            }
            offset += 2 + length;
        }
        throw new AssertionError("no quantisation table 0 before the image data");
    }
}
