package io.imagepipe.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagepipe.request.ImageStatus;
import io.imagepipe.request.ImageView;
import io.imagepipe.request.InputLayout;
import io.imagepipe.request.ProductView;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputCsvWriterTest {

    private static final InputLayout SPEC_LAYOUT =
            new InputLayout(List.of("S. No.", "Product Name", "Input Image Urls"), 2);

    private static ImageView succeeded(int seq, String input, String output) {
        return new ImageView(seq, input, output, ImageStatus.SUCCEEDED, null);
    }

    private static ImageView failed(int seq, String input, String error) {
        return new ImageView(seq, input, null, ImageStatus.FAILED, error);
    }

    private static List<CSVRecord> write(InputLayout layout, ProductView... products) throws IOException {
        StringWriter out = new StringWriter();
        try (OutputCsvWriter writer = new OutputCsvWriter(out, layout)) {
            for (ProductView product : products) {
                writer.write(product);
            }
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(out.toString()), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void addsOutputUrlsAfterTheInputUrlsAndErrorsLast() throws IOException {
        List<CSVRecord> records = write(SPEC_LAYOUT);

        assertThat(records).hasSize(1);
        assertThat(records.getFirst().toList())
                .containsExactly("S. No.", "Product Name", "Input Image Urls", "Output Image Urls", "Errors");
    }

    @Test
    void placesTheOutputColumnRightAfterAnInputUrlsColumnInTheMiddle() throws IOException {
        InputLayout layout = new InputLayout(List.of("Image URLs", "s_no", "Name", "Notes"), 0);
        ProductView product = new ProductView(0, 1, "Shoe", List.of("https://in/1.jpg", "1", "Shoe", "fragile"),
                List.of(succeeded(0, "https://in/1.jpg", "https://out/1.jpg")));

        List<CSVRecord> records = write(layout, product);

        assertThat(records.get(0).toList())
                .containsExactly("Image URLs", "Output Image Urls", "s_no", "Name", "Notes", "Errors");
        assertThat(records.get(1).toList())
                .containsExactly("https://in/1.jpg", "https://out/1.jpg", "1", "Shoe", "fragile", "");
    }

    @Test
    void writesTheOutputUrlsInInputOrder() throws IOException {
        ProductView product = new ProductView(0, 1, "SKU1", List.of("1", "SKU1", "https://in/1.jpg, https://in/2.jpg"),
                List.of(succeeded(0, "https://in/1.jpg", "https://out/1.jpg"),
                        succeeded(1, "https://in/2.jpg", "https://out/2.jpg")));

        List<CSVRecord> records = write(SPEC_LAYOUT, product);

        assertThat(records.get(1).toList()).containsExactly(
                "1", "SKU1", "https://in/1.jpg, https://in/2.jpg", "https://out/1.jpg,https://out/2.jpg", "");
    }

    @Test
    void leavesAnEmptyPlaceForAFailedImageAndExplainsItInErrors() throws IOException {
        ProductView product = new ProductView(0, 1, "SKU1",
                List.of("1", "SKU1", "https://in/1.jpg,https://in/2.jpg,https://in/3.jpg"),
                List.of(succeeded(0, "https://in/1.jpg", "https://out/1.jpg"),
                        failed(1, "https://in/2.jpg", "HTTP 404 from the source"),
                        succeeded(2, "https://in/3.jpg", "https://out/3.jpg")));

        CSVRecord row = write(SPEC_LAYOUT, product).get(1);

        assertThat(row.get(3)).isEqualTo("https://out/1.jpg,,https://out/3.jpg");
        assertThat(row.get(3).split(",", -1)).hasSize(3);
        assertThat(row.get(4)).isEqualTo("https://in/2.jpg: HTTP 404 from the source");
    }

    @Test
    void joinsSeveralErrorsWithSemicolons() throws IOException {
        ProductView product = new ProductView(0, 1, "SKU1", List.of("1", "SKU1", "https://in/1.jpg,https://in/2.jpg"),
                List.of(failed(0, "https://in/1.jpg", "not an image: the source sent HTML"),
                        failed(1, "https://in/2.jpg", "HTTP 500 from the source")));

        CSVRecord row = write(SPEC_LAYOUT, product).get(1);

        assertThat(row.get(3)).isEqualTo(",");
        assertThat(row.get(4)).isEqualTo(
                "https://in/1.jpg: not an image: the source sent HTML; https://in/2.jpg: HTTP 500 from the source");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void neutralisesCellsThatStartLikeAFormula(String cell) throws IOException {
        ProductView product = new ProductView(0, 1, cell, List.of("1", cell, "https://in/1.jpg"),
                List.of(succeeded(0, "https://in/1.jpg", "https://out/1.jpg")));

        CSVRecord row = write(SPEC_LAYOUT, product).get(1);

        assertThat(row.get(1)).isEqualTo("'" + cell);
    }

    @Test
    void neutralisesAFormulaInTheHeader() throws IOException {
        List<CSVRecord> records = write(new InputLayout(List.of("=cmd", "S. No.", "Product Name", "Input Image Urls"), 3));

        assertThat(records.getFirst().get(0)).isEqualTo("'=cmd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shoe", "a=b", "", "1 + 1", "'quoted"})
    void leavesOrdinaryCellsAlone(String cell) {
        assertThat(OutputCsvWriter.neutralise(cell)).isEqualTo(cell);
    }

    @Test
    void roundTripsCommasQuotesAndNewlines() throws IOException {
        List<String> cells = List.of("7", "Shoe, \"Big\"\nand red", "https://in/1.jpg");
        ProductView product = new ProductView(0, 7, "Shoe, \"Big\"\nand red", cells,
                List.of(succeeded(0, "https://in/1.jpg", "https://out/1.jpg?a=1&b=2")));

        List<CSVRecord> records = write(SPEC_LAYOUT, product, product);

        assertThat(records).hasSize(3);
        assertThat(records.get(1).toList())
                .containsExactly("7", "Shoe, \"Big\"\nand red", "https://in/1.jpg", "https://out/1.jpg?a=1&b=2", "");
        assertThat(records.get(2).toList()).isEqualTo(records.get(1).toList());
    }
}
