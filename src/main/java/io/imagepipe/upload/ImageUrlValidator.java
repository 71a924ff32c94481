package io.imagepipe.upload;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks that a cell holds an absolute {@code http} or {@code https} URL of a sane length. */
final class ImageUrlValidator {

    private final int maxLength;

    ImageUrlValidator(int maxLength) {
        this.maxLength = maxLength;
    }

    /** What is wrong with {@code url}, or null when it is acceptable. */
    String problemWith(String url) {
        if (url.isEmpty()) {
            return "an empty image URL (two commas in a row, or a trailing comma)";
        }
        if (url.length() > maxLength) {
            return "an image URL of " + url.length() + " characters: the limit is " + maxLength;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
                return "'" + shorten(url) + "' is not an absolute http(s) URL";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "'" + shorten(url) + "' has no host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "'" + shorten(url) + "' is not a valid URL: " + e.getReason();
        }
    }

    private static String shorten(String url) {
        return url.length() <= 120 ? url : url.substring(0, 117) + "...";
    }
}
