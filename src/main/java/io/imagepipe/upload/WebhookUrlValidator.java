package io.imagepipe.upload;

import java.util.List;

/** Checks the optional {@code webhookUrl} of an upload: an absolute http(s) URL, or nothing. */
final class WebhookUrlValidator {

    private final ImageUrlValidator urls = new ImageUrlValidator(2048);

    /** The URL, stripped, or null when none was given. */
    String check(String webhookUrl) {
        if (webhookUrl == null || webhookUrl.isBlank()) {
            return null;
        }
        String url = webhookUrl.strip();
        String problem = urls.problemWith(url);
        if (problem != null) {
            throw new InvalidCsvException(List.of(new CsvError(0, "webhookUrl", problem)));
        }
        return url;
    }
}
