package io.imagepipe.processor;

import java.nio.charset.StandardCharsets;

/** The input formats ImagePipe reads, told apart by their magic bytes, never by a {@code Content-Type}. */
enum SourceFormat {
    JPEG("jpeg"), PNG("png"), GIF("gif"), BMP("bmp"), WEBP("webp");

    private final String imageIoName;

    SourceFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format name ImageIO knows it by. */
    String imageIoName() {
        return imageIoName;
    }

    /**
     * The format of {@code bytes}.
     *
     * @throws ImageFailure when the bytes are not one of the supported image formats
     */
    static SourceFormat detect(byte[] bytes) throws ImageFailure {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(bytes, 0, 'B', 'M')) {
            return BMP;
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        throw new ImageFailure("not an image: " + describe(bytes));
    }

    private static boolean startsWith(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "the source sent no bytes";
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 16), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7E]", ".");
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("<html") || lower.contains("<!doc")) {
            return "the source sent HTML";
        }
        if (lower.contains("<svg") || lower.startsWith("<?xml")) {
            return "the source sent XML or SVG, which is not supported";
        }
        if (lower.startsWith("%pdf")) {
            return "the source sent a PDF";
        }
        return "unknown format starting with '" + head + "'";
    }
}
