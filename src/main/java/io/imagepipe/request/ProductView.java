package io.imagepipe.request;

import java.util.List;

/** A product as stored: its place in the CSV, its original cells and its images in CSV order. */
public record ProductView(int position, long serialNumber, String productName, List<String> cells,
                          List<ImageView> images) {
}
