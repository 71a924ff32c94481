package io.imagepipe.upload;

import io.imagepipe.request.NewProduct;
import java.util.List;

/** A CSV that passed validation: its header row as written, where its URLs column is, and its products in file order. */
record ParsedCsv(List<String> header, int urlsColumn, List<NewProduct> products) {
}
