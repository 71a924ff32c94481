package io.imagepipe.processor;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
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
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** A {@link JpegCodec} on {@code javax.imageio}, whose TwelveMonkeys reader also reads CMYK and YCCK JPEGs. */
final class ImageIoJpegCodec implements JpegCodec {

    @Override
    public String name() {
        return "imageio";
    }

    @Override
    public BufferedImage decode(byte[] jpeg) throws ImageFailure {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            for (String warning : warnings) {
                if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                    throw new ImageFailure("the image is truncated: " + warning);
                }
            }
            return JpegPixels.bgrOrGrey(image);
        } catch (IOException | RuntimeException e) {
            throw new ImageFailure("the image is corrupt: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    @Override
    public byte[] encode(BufferedImage image, int quality) throws ImageFailure {
        BufferedImage packed = JpegPixels.bgrOrGrey(image);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                Math.max(1024, packed.getWidth() * packed.getHeight() / 8));
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            if (param instanceof JPEGImageWriteParam jpegParam) {
                jpegParam.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(packed, null, null), param);
        } catch (IOException | RuntimeException e) {
            throw new ImageFailure("could not encode the image: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
