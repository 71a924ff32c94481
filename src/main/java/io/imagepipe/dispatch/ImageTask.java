package io.imagepipe.dispatch;

import java.util.List;

/**
 * One Kafka task: a request's ID and some of its CSV rows, each with its images.
 * Rows never split across tasks; a task holds at most {@code imagepipe.dispatch.images-per-task} images
 * unless one row alone has more.
 */
public record ImageTask(String requestId, List<Row> rows) {

    /** A CSV row of the task. */
    public record Row(int position, long serialNumber, String productName, List<Image> images) {
    }

    /** An image of a row: its seq within the request and its input URL. */
    public record Image(int seq, String url) {
    }
}
