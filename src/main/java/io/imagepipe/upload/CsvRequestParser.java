package io.imagepipe.upload;

import io.imagepipe.request.NewProduct;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV (SPEC section 3) as a stream and validates every row; collects every
 * problem with its line and column instead of stopping at the first.
 */
public class CsvRequestParser {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final char BOM = '\uFEFF';
    private static final java.util.regex.Pattern SERIAL = java.util.regex.Pattern.compile("[0-9]{1,18}");
    private static final char REPLACEMENT = '\uFFFD';

    private final UploadProperties limits;
    private final ImageUrlValidator urls;

    public CsvRequestParser(UploadProperties limits) {
        this.limits = limits;
        this.urls = new ImageUrlValidator(limits.maxUrlLength());
    }

    /**
     * Parses and validates the whole file, handing the header and each valid product to the sink as it
     * goes (never holding the file), and stops handing over products at the first problem.
     *
     * @throws InvalidCsvException with every problem found (up to the configured maximum), after reading the file
     */
    void parse(InputStream body, ProductSink sink) {
        CsvErrors errors = new CsvErrors(limits.maxErrors());
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, decoder), 1 << 16)) {
            skipByteOrderMark(reader);
            parse(CSVParser.parse(reader, FORMAT), errors, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
    }

    private void parse(CSVParser parser, CsvErrors errors, ProductSink sink) {
        Iterator<CSVRecord> records = parser.iterator();
        long line = 1;
        try {
            CSVRecord header = nextNonBlank(records);
            if (header == null) {
                errors.add(1, null, "the file is empty: expected a header row and at least one product");
                errors.throwIfAny();
            }
            line = parser.getCurrentLineNumber();
            HeaderLayout layout = HeaderLayout.read(header.toList(), errors);
            rejectUndecodable(header, line, null, errors);
            errors.throwIfAny();
            sink.header(layout.names(), layout.indexOf(ColumnRole.INPUT_IMAGE_URLS));
            Map<Long, Long> serialLines = new HashMap<>();
            int rows = 0;
            while (!errors.full()) {
                line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (isBlank(record)) {
                    continue;
                }
                if (++rows > limits.maxRows()) {
                    errors.add(line, null, "too many rows: the limit is " + limits.maxRows());
                    break;
                }
                rejectUndecodable(record, line, layout, errors);
                NewProduct product = readRow(record, line, layout, serialLines, errors);
                if (product != null && errors.isEmpty()) {
                    sink.product(product);
                }
            }
            if (rows == 0 && errors.isEmpty()) {
                errors.add(2, null, "the file has a header but no product rows");
            }
            errors.throwIfAny();
        } catch (UncheckedIOException e) {
            errors.add(line, null, describe(e.getCause()));
            errors.throwIfAny();
            throw e;
        }
    }

    private NewProduct readRow(CSVRecord record, long line, HeaderLayout layout, Map<Long, Long> serialLines,
                               CsvErrors errors) {
        int width = layout.names().size();
        if (record.size() > width) {
            errors.add(line, null, "the row has " + record.size() + " fields, the header only " + width);
            return null;
        }
        boolean valid = true;
        Long serial = readSerial(record, line, layout, serialLines, errors);
        valid &= serial != null;
        String name = cell(record, layout.indexOf(ColumnRole.PRODUCT_NAME));
        if (name.isBlank()) {
            errors.add(line, layout.nameOf(ColumnRole.PRODUCT_NAME), "the product name is blank");
            valid = false;
        }
        List<String> imageUrls = readUrls(record, line, layout, errors);
        valid &= imageUrls != null;
        if (!valid) {
            return null;
        }
        List<String> cells = new ArrayList<>(record.toList());
        while (cells.size() < width) {
            cells.add("");
        }
        return new NewProduct(serial, name.strip(), cells, imageUrls);
    }

    private Long readSerial(CSVRecord record, long line, HeaderLayout layout, Map<Long, Long> serialLines,
                            CsvErrors errors) {
        String column = layout.nameOf(ColumnRole.SERIAL_NUMBER);
        String text = cell(record, layout.indexOf(ColumnRole.SERIAL_NUMBER)).strip();
        String digits = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (!SERIAL.matcher(digits).matches() || Long.parseLong(digits) == 0) {
            errors.add(line, column, text.isEmpty() ? "the serial number is blank"
                    : "'" + text + "' is not a positive whole number");
            return null;
        }
        long serial = Long.parseLong(digits);
        Long earlier = serialLines.putIfAbsent(serial, line);
        if (earlier != null) {
            errors.add(line, column, "serial number " + serial + " is already used on line " + earlier);
            return null;
        }
        return serial;
    }

    private List<String> readUrls(CSVRecord record, long line, HeaderLayout layout, CsvErrors errors) {
        String column = layout.nameOf(ColumnRole.INPUT_IMAGE_URLS);
        String text = cell(record, layout.indexOf(ColumnRole.INPUT_IMAGE_URLS)).strip();
        if (text.isEmpty()) {
            errors.add(line, column, "no image URL");
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length > limits.maxUrlsPerRow()) {
            errors.add(line, column, parts.length + " image URLs: the limit is " + limits.maxUrlsPerRow() + " a row");
            return null;
        }
        List<String> result = new ArrayList<>(parts.length);
        boolean valid = true;
        for (String part : parts) {
            String url = part.strip();
            String problem = urls.problemWith(url);
            if (problem != null) {
                errors.add(line, column, problem);
                valid = false;
            } else {
                result.add(url);
            }
        }
        return valid ? result : null;
    }

    private static CSVRecord nextNonBlank(Iterator<CSVRecord> records) {
        while (records.hasNext()) {
            CSVRecord record = records.next();
            if (!isBlank(record)) {
                return record;
            }
        }
        return null;
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    /** Reports cells holding bytes that were not UTF-8 (decoded as U+FFFD), with their line and column. */
    private static void rejectUndecodable(CSVRecord record, long line, HeaderLayout layout, CsvErrors errors) {
        for (int i = 0; i < record.size(); i++) {
            if (record.get(i).indexOf(REPLACEMENT) >= 0) {
                String column = layout == null || i >= layout.names().size() ? null : layout.names().get(i);
                errors.add(line, column, "not valid UTF-8 (save the file as UTF-8)");
            }
        }
    }

    private static String cell(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : "";
    }

    private static String describe(Throwable cause) {
        String message = String.valueOf(cause == null ? null : cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field opens and never closes";
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("between encapsulated token and delimiter")) {
            return "a quoted field is followed by text before the next comma";
        }
        return "the file is not valid CSV: " + message;
    }
}
