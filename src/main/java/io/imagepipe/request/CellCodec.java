package io.imagepipe.request;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Stores a row's cells in one text column as a single RFC 4180 line, and reads them back. */
final class CellCodec {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private CellCodec() {
    }

    static String encode(List<String> cells) {
        return FORMAT.format(cells.toArray());
    }

    static List<String> decode(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            List<String> cells = new ArrayList<>();
            if (!records.isEmpty()) {
                records.getFirst().forEach(cells::add);
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
