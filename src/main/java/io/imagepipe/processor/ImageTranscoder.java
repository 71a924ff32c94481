package io.imagepipe.processor;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Re-encodes a source image at the same pixel size: JPEG at the configured quality through the JPEG
 * codec (an upright JPEG goes decode-to-encode without its pixels entering Java), or PNG when the image
 * has transparency. The pixel limit is read from the header before anything is decoded; EXIF orientation
 * is applied; metadata is dropped. A JPEG the codec cannot read (CMYK, 12-bit) goes through ImageIO.
 */
class ImageTranscoder {

    private final JpegCodec jpeg;
    private final JpegCodec fallback = new ImageIoJpegCodec();
    private final int quality;
    private final long maxPixels;

    ImageTranscoder(JpegCodec jpeg, int quality, long maxPixels) {
        this.jpeg = jpeg;
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
        if (format == SourceFormat.JPEG) {
            checkPixels(source, format);
            try {
                return transcodeJpeg(jpeg, source);
            } catch (UnsupportedJpegException e) {
                return transcodeJpeg(fallback, source);
            }
        }
        BufferedImage image = decode(source, format);
        return hasTransparency(image) ? encodePng(image) : encodeJpeg(jpeg, image);
    }

    private EncodedImage transcodeJpeg(JpegCodec codec, byte[] source) throws ImageFailure {
        int orientation = ExifOrientation.read(source);
        if (orientation == 1) {
            return codec.recompress(source, quality);
        }
        return encodeJpeg(codec, ExifOrientation.apply(codec.decode(source), orientation));
    }

    private EncodedImage encodeJpeg(JpegCodec codec, BufferedImage image) throws ImageFailure {
        return new EncodedImage(codec.encode(image, quality), OutputFormat.JPEG, image.getWidth(), image.getHeight());
    }

    private void checkPixels(byte[] source, SourceFormat format) throws ImageFailure {
        withReader(source, format, reader -> null);
    }

    private BufferedImage decode(byte[] source, SourceFormat format) throws ImageFailure {
        return withReader(source, format, reader -> {
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            if (warnings.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("premature end"))) {
                throw new ImageFailure("the image is truncated: " + warnings.getFirst());
            }
            return image;
        });
    }

    /** Opens an ImageIO reader on the source, refuses too many pixels by the header, then hands it over. */
    private <T> T withReader(byte[] source, SourceFormat format, ReaderWork<T> work) throws ImageFailure {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new ImageFailure(format.name() + " images are not supported on this server");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > maxPixels) {
                throw new ImageFailure(String.format(Locale.ROOT, "too many pixels: %d×%d is %s > %s",
                        width, height, pixels(width * height), pixels(maxPixels)));
            }
            return work.with(reader);
        } catch (IOException | RuntimeException e) {
            throw new ImageFailure("the image is corrupt: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /** Work done with an open reader. */
    private interface ReaderWork<T> {
        T with(ImageReader reader) throws IOException, ImageFailure;
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

    private static EncodedImage encodePng(BufferedImage image) throws ImageFailure {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new ImageFailure("no PNG writer on this server");
            }
        } catch (IOException e) {
            throw new ImageFailure("could not encode the image: " + e.getMessage(), e);
        }
        return new EncodedImage(out.toByteArray(), OutputFormat.PNG, image.getWidth(), image.getHeight());
    }
}
