package io.imagepipe.request;

import java.time.OffsetDateTime;

/** A request's status, progress and times, without its products. */
public record RequestSummary(RequestId id, RequestStatus status, Progress progress, OffsetDateTime createdAt,
                             OffsetDateTime updatedAt, OffsetDateTime completedAt) {
}
