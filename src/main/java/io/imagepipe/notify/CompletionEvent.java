package io.imagepipe.notify;

import java.time.OffsetDateTime;

/** The body of a {@code request.completed} webhook. */
record CompletionEvent(String type, OffsetDateTime timestamp, Data data) {

    record Data(String requestId, String status, int totalImages, int succeeded, int failed, String statusUrl,
                String outputCsvUrl) {
    }
}
