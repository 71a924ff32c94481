package io.imagepipe.status;

import io.imagepipe.request.ImageView;
import io.imagepipe.request.InputLayout;
import io.imagepipe.request.ProductView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the output CSV (SPEC section 3): the input's columns in order, {@code Output Image Urls} right
 * after the input URLs column, and {@code Errors}; cells a spreadsheet would run as a formula are neutralised.
 */
final class OutputCsvWriter implements AutoCloseable {

    static final String OUTPUT_COLUMN = "Output Image Urls";
    static final String ERRORS_COLUMN = "Errors";

    private final CSVPrinter printer;
    private final int urlsColumn;

    OutputCsvWriter(Writer out, InputLayout layout) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        this.urlsColumn = layout.urlsColumn();
        List<String> columns = new ArrayList<>(layout.header());
        columns.add(urlsColumn + 1, OUTPUT_COLUMN);
        columns.add(ERRORS_COLUMN);
        printRow(columns);
    }

    /** Writes one product's row. */
    void write(ProductView product) {
        List<String> cells = new ArrayList<>(product.cells());
        List<String> outputs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (ImageView image : product.images()) {
            outputs.add(image.outputUrl() == null ? "" : image.outputUrl());
            if (image.error() != null) {
                errors.add(image.inputUrl() + ": " + image.error());
            }
        }
        cells.add(urlsColumn + 1, String.join(",", outputs));
        cells.add(String.join("; ", errors));
        printRow(cells);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    private void printRow(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(OutputCsvWriter::neutralise).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prefixes a cell that starts like a formula with an apostrophe, as OWASP advises against CSV injection. */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
