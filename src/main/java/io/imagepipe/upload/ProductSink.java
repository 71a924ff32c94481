package io.imagepipe.upload;

import io.imagepipe.request.NewProduct;
import java.util.List;

/** Receives a CSV as the parser validates it: its header once, then each valid product in file order. */
public interface ProductSink {

    /** The header row as written, and the index of the input image URLs column. */
    void header(List<String> names, int urlsColumn);

    /** The next valid product; none comes once the file has shown a problem. */
    void product(NewProduct product);
}
