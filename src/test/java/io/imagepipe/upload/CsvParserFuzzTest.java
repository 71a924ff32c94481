package io.imagepipe.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.imagepipe.request.NewProduct;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/** Fuzzes the CSV parser: any bytes give a valid {@link ParsedCsv} or an {@link InvalidCsvException}, nothing else. */
class CsvParserFuzzTest {

    private static final UploadProperties LIMITS = new UploadProperties(DataSize.ofKilobytes(64), 5, 3, 64, 4);

    private final CsvRequestParser parser = new CsvRequestParser(LIMITS);

    @FuzzTest
    void parse(byte[] input) {
        ParsedCsv csv;
        try {
            csv = ParsedCsv.parse(parser, new ByteArrayInputStream(input));
        } catch (InvalidCsvException e) {
            assertThat(e.errors()).hasSizeBetween(1, LIMITS.maxErrors()).allSatisfy(error -> {
                assertThat(error.line()).isNotNegative();
                assertThat(error.message()).isNotBlank();
            });
            return;
        }
        assertThat(csv.products()).isNotEmpty().hasSizeLessThanOrEqualTo(LIMITS.maxRows());
        Set<Long> serials = new HashSet<>();
        for (NewProduct product : csv.products()) {
            assertThat(product.serialNumber()).isPositive();
            assertThat(serials.add(product.serialNumber())).as("serial %s is unique", product.serialNumber()).isTrue();
            assertThat(product.productName()).isNotBlank();
            assertThat(product.imageUrls()).isNotEmpty().allSatisfy(CsvParserFuzzTest::assertHttpUrl);
        }
    }

    private static void assertHttpUrl(String url) {
        URI uri = URI.create(url);
        assertThat(uri.isAbsolute()).as("%s is absolute", url).isTrue();
        assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
        assertThat(uri.getHost()).as("host of %s", url).isNotEmpty();
    }
}
