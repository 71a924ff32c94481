package io.imagepipe.processor;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decodes a source image with {@code javax.imageio} and re-encodes it at the same pixel size:
 * JPEG at the configured quality, or PNG when it has transparency. EXIF orientation is applied and
 * metadata is dropped.
 */
class ImageTranscoder {

    private final int quality;
    private final long maxPixels;

    ImageTranscoder(int quality, long maxPixels) {
        this.quality = quality;
        this.maxPixels = maxPixels;
    }

    /**
     * Transcodes one source image.
     *
     * @throws ImageFailure when the bytes are not a supported, intact image within the pixel limit
     */
    EncodedImage transcode(byte[] source) throws ImageFailure {
        SourceFormat format = SourceFormat.detect(source);
        BufferedImage image = decode(source, format);
        if (format == SourceFormat.JPEG) {
            image = ExifOrientation.apply(image, ExifOrientation.read(source));
        }
        try {
            return hasTransparency(image) ? encodePng(image) : encodeJpeg(image);
        } catch (IOException e) {
            throw new ImageFailure("could not encode the image: " + e.getMessage(), e);
        }
    }

    private BufferedImage decode(byte[] source, SourceFormat format) throws ImageFailure {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new ImageFailure(format.name() + " images are not supported on this server");
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > maxPixels) {
                throw new ImageFailure(String.format(Locale.ROOT, "too many pixels: %d×%d is %s > %s",
                        width, height, pixels(width * height), pixels(maxPixels)));
            }
            BufferedImage image = reader.read(0);
            if (warnings.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("premature end"))) {
                throw new ImageFailure("the image is truncated: " + warnings.getFirst());
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new ImageFailure("the image is corrupt: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static String pixels(long count) {
        return count >= 100_000 ? String.format(Locale.ROOT, "%.1f MP", count / 1e6) : count + " pixels";
    }

    private static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        Raster alpha = image.getAlphaRaster();
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            if (alpha != null) {
                alpha.getSamples(0, y, width, 1, 0, row);
            } else {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    row[x] >>>= 24;
                }
            }
            for (int value : row) {
                if (value < 255) {
                    return true;
                }
            }
        }
        return false;
    }

    private EncodedImage encodeJpeg(BufferedImage image) throws IOException {
        BufferedImage opaque = jpegCompatible(image);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, opaque.getWidth() * opaque.getHeight() / 8));
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            if (param instanceof JPEGImageWriteParam jpegParam) {
                jpegParam.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(opaque, null, null), param);
        } finally {
            writer.dispose();
        }
        return new EncodedImage(out.toByteArray(), OutputFormat.JPEG, opaque.getWidth(), opaque.getHeight());
    }

    private static EncodedImage encodePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return new EncodedImage(out.toByteArray(), OutputFormat.PNG, image.getWidth(), image.getHeight());
    }

    private static BufferedImage jpegCompatible(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
