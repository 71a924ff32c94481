package io.imagepipe.testsupport;

import java.util.Arrays;

/** Reads a JPEG's luminance quantisation table and tells whether it is the IJG table of a given quality. */
public final class JpegTables {

    /** JPEG Annex K.1, natural order. */
    private static final int[] STANDARD_LUMINANCE = {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};

    /** For each position in zigzag order, the natural-order index. */
    private static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
        54, 47, 55, 62, 63};

    private JpegTables() {
    }

    /** The IJG luminance table for a quality, in natural order, as libjpeg's {@code jpeg_set_quality} builds it. */
    public static int[] ijgLuminance(int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
        return Arrays.stream(STANDARD_LUMINANCE).map(v -> Math.clamp((v * scale + 50) / 100, 1, 255)).toArray();
    }

    /** The table with ID 0 of the JPEG's DQT segments, in natural order. */
    public static int[] luminance(byte[] jpeg) {
        int offset = 2;
        while (offset + 4 <= jpeg.length) {
            int marker = jpeg[offset + 1] & 0xFF;
            int length = ((jpeg[offset + 2] & 0xFF) << 8) | (jpeg[offset + 3] & 0xFF);
            if (marker == 0xDB) {
                int at = offset + 4;
                int end = offset + 2 + length;
                while (at < end) {
                    int precision = (jpeg[at] & 0xF0) >> 4;
                    int id = jpeg[at] & 0x0F;
                    int[] table = new int[64];
                    for (int i = 0; i < 64; i++) {
                        table[ZIGZAG[i]] = precision == 0 ? jpeg[at + 1 + i] & 0xFF
                                : ((jpeg[at + 1 + 2 * i] & 0xFF) << 8) | (jpeg[at + 2 + 2 * i] & 0xFF);
                    }
                    if (id == 0) {
                        return table;
                    }
                    at += 1 + 64 * (precision == 0 ? 1 : 2);
                }
            }
            if (marker == 0xDA) {
                break;
            }
            offset += 2 + length;
        }
        throw new AssertionError("no luminance quantisation table in the JPEG");
    }
}
