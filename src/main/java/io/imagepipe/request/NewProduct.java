package io.imagepipe.request;

import java.util.List;

/** A product row of an uploaded CSV: its serial number, name, every original cell and its image URLs. */
public record NewProduct(long serialNumber, String productName, List<String> cells, List<String> imageUrls) {

    public NewProduct {
        cells = List.copyOf(cells);
        imageUrls = List.copyOf(imageUrls);
        if (imageUrls.isEmpty()) {
            throw new IllegalArgumentException("a product has at least one image URL");
        }
    }
}
