package io.imagepipe.request;

import java.util.List;

/**
 * A validated upload about to be accepted. Its images are numbered in CSV order across products:
 * the first product's URLs get seq 0, 1, …, the next product's continue from there. {@code urlsColumn}
 * is the index of the input image URLs column in the header.
 */
public record NewRequest(RequestId id, List<String> header, int urlsColumn, List<NewProduct> products, String webhookUrl,
                         String idempotencyKey, String contentSha256) {

    public NewRequest {
        header = List.copyOf(header);
        products = List.copyOf(products);
        if (products.isEmpty()) {
            throw new IllegalArgumentException("a request has at least one product");
        }
    }

    /** How many images the request holds. */
    public int totalImages() {
        return products.stream().mapToInt(p -> p.imageUrls().size()).sum();
    }
}
