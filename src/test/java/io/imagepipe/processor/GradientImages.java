package io.imagepipe.processor;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Deterministic gradient images for the processor tests, and hand-made EXIF segments; encoding is {@code testsupport.TestImages}'. */
final class GradientImages {

    private GradientImages() {
    }

    /** Smooth gradients with a little noise, roughly what a camera produces; always the same pixels. */
    static BufferedImage photo(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random noise = new Random(20250601);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(255 * x / width + noise.nextInt(17) - 8);
                int g = clamp(255 * y / height + noise.nextInt(17) - 8);
                int b = clamp(128 + (int) (100 * Math.sin((x + y) / 40.0)) + noise.nextInt(17) - 8);
                image.setRGB(x, y, 0xFF000000 | r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    static BufferedImage photo(int width, int height) {
        return photo(width, height, BufferedImage.TYPE_INT_RGB);
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        return io.imagepipe.testsupport.TestImages.jpeg(image, Math.round(quality * 100));
    }

    static byte[] png(BufferedImage image) {
        return io.imagepipe.testsupport.TestImages.png(image);
    }

    static BufferedImage decode(byte[] bytes) {
        return io.imagepipe.testsupport.TestImages.decode(bytes);
    }

    /** An APP1 segment holding one IFD with just the orientation tag, in the given byte order. */
    static byte[] exifSegment(int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
        tiff.put(order == ByteOrder.BIG_ENDIAN ? new byte[] {'M', 'M'} : new byte[] {'I', 'I'});
        tiff.putShort((short) 42);
        tiff.putInt(8);                       // offset of IFD0
        tiff.putShort((short) 1);             // one entry
        tiff.putShort((short) 0x0112);        // Orientation
        tiff.putShort((short) 3);             // SHORT
        tiff.putInt(1);                       // count
        tiff.putShort((short) orientation);   // value, left-justified in the 4-byte field
        tiff.putShort((short) 0);
        tiff.putInt(0);                       // no next IFD
        ByteBuffer segment = ByteBuffer.allocate(2 + 2 + 6 + 26).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1);
        segment.putShort((short) (2 + 6 + 26));
        segment.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        segment.put(tiff.array());
        return segment.array();
    }

    /** The JPEG with {@code segment} inserted right after its SOI marker. */
    static byte[] withSegmentAfterSoi(byte[] jpeg, byte[] segment) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + segment.length);
        out.write(jpeg, 0, 2);
        out.writeBytes(segment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
