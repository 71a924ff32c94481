package io.imagepipe.processor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;

/** Brings images into the two pixel layouts the JPEG codecs hand over: packed 3-byte BGR and 8-bit grey. */
final class JpegPixels {

    private JpegPixels() {
    }

    /**
     * The image itself when it is a {@code TYPE_3BYTE_BGR} or {@code TYPE_BYTE_GRAY} image whose pixels fill its
     * byte array from the start, row after row; otherwise a copy of that kind drawn over white (grey stays grey).
     */
    static BufferedImage bgrOrGrey(BufferedImage image) {
        if (isPacked(image)) {
            return image;
        }
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(),
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    /** The pixel bytes of a {@code TYPE_3BYTE_BGR} or {@code TYPE_BYTE_GRAY} image, B, G, R order for colour. */
    static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static boolean isPacked(BufferedImage image) {
        int channels = switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> 3;
            case BufferedImage.TYPE_BYTE_GRAY -> 1;
            default -> 0;
        };
        WritableRaster raster = image.getRaster();
        return channels > 0 && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getOffset() == 0
                && ((ComponentSampleModel) raster.getSampleModel()).getScanlineStride() == image.getWidth() * channels;
    }
}
