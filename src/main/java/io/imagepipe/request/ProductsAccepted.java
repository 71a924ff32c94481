package io.imagepipe.request;

import java.util.List;

/**
 * Published inside the transaction that stores a request, once for each batch of its products as they are
 * read: the products from {@code firstPosition} in CSV order, their images numbered from {@code firstSeq}.
 */
public record ProductsAccepted(RequestId requestId, int firstPosition, int firstSeq, List<NewProduct> products) {

    public ProductsAccepted {
        products = List.copyOf(products);
    }
}
