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
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0
                    && !cell.isEmpty()) {
                line.append(cell);
            } else {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            }
        }
        return line.toString();
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
