package io.imagepipe.request;

import java.util.AbstractList;
import java.util.List;

/** A row's cells decoded only when first read: the status API never reads them, {@code output.csv} always does. */
final class LazyCells extends AbstractList<String> {

    private final String encoded;
    private List<String> cells;

    LazyCells(String encoded) {
        this.encoded = encoded;
    }

    @Override
    public String get(int index) {
        return cells().get(index);
    }

    @Override
    public int size() {
        return cells().size();
    }

    private List<String> cells() {
        if (cells == null) {
            cells = CellCodec.decode(encoded);
        }
        return cells;
    }
}
