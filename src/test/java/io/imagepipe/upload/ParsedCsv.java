package io.imagepipe.upload;

import io.imagepipe.request.NewProduct;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** What the parser handed over for a whole file, collected for the tests: header, URLs column and products. */
record ParsedCsv(List<String> header, int urlsColumn, List<NewProduct> products) {

    /** Parses a whole file into memory. */
    static ParsedCsv parse(CsvRequestParser parser, InputStream csv) {
        Collector collector = new Collector();
        parser.parse(csv, collector);
        return new ParsedCsv(collector.header, collector.urlsColumn, collector.products);
    }

    private static final class Collector implements ProductSink {
        private List<String> header;
        private int urlsColumn;
        private final List<NewProduct> products = new ArrayList<>();

        @Override
        public void header(List<String> names, int urlsColumn) {
            this.header = names;
            this.urlsColumn = urlsColumn;
        }

        @Override
        public void product(NewProduct product) {
            products.add(product);
        }
    }
}
