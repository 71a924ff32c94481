package io.imagepipe.status;

import io.imagepipe.request.ImageView;
import io.imagepipe.request.ProductView;
import io.imagepipe.request.RequestSummary;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of the status API. */
final class StatusResponses {

    private StatusResponses() {
    }

    record RequestStatusResponse(String requestId, String status, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                 OffsetDateTime completedAt, ProgressResponse progress, String outputCsvUrl,
                                 PageResponse page, List<ProductResponse> products) {

        static RequestStatusResponse of(RequestSummary summary, PageResponse page, List<ProductView> products) {
            return new RequestStatusResponse(summary.id().toString(), summary.status().name(), summary.createdAt(),
                    summary.updatedAt(), summary.completedAt(), ProgressResponse.of(summary),
                    summary.status().isFinal() ? "/api/v1/requests/" + summary.id() + "/output.csv" : null,
                    page, products == null ? null : products.stream().map(ProductResponse::of).toList());
        }
    }

    record ProgressResponse(int totalImages, int succeeded, int failed, int pending) {

        static ProgressResponse of(RequestSummary summary) {
            var p = summary.progress();
            return new ProgressResponse(p.totalImages(), p.succeeded(), p.failed(), p.pending());
        }
    }

    record PageResponse(int page, int size, long totalElements, int totalPages) {
    }

    record ProductResponse(long serialNumber, String productName, List<ImageResponse> images) {

        static ProductResponse of(ProductView product) {
            return new ProductResponse(product.serialNumber(), product.productName(),
                    product.images().stream().map(ImageResponse::of).toList());
        }
    }

    record ImageResponse(String inputUrl, String outputUrl, String status, String error) {

        static ImageResponse of(ImageView image) {
            return new ImageResponse(image.inputUrl(), image.outputUrl(), image.status().name(), image.error());
        }
    }

    record RequestListResponse(List<RequestStatusResponse> requests, PageResponse page) {
    }
}
