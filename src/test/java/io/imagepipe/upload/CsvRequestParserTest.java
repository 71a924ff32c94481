package io.imagepipe.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imagepipe.request.NewProduct;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class CsvRequestParserTest {

    private static final String HEADER = "S. No.,Product Name,Input Image Urls\n";
    private static final String URL = "https://img.example.com/a.jpg";

    private static UploadProperties limits(int maxRows, int maxUrlsPerRow, int maxUrlLength, int maxErrors) {
        return new UploadProperties(DataSize.ofMegabytes(1), maxRows, maxUrlsPerRow, maxUrlLength, maxErrors);
    }

    private static final UploadProperties DEFAULT_LIMITS = limits(100, 10, 200, 100);

    private static ParsedCsv parse(String csv) {
        return parse(csv.getBytes(StandardCharsets.UTF_8), DEFAULT_LIMITS);
    }

    private static ParsedCsv parse(byte[] csv, UploadProperties limits) {
        return ParsedCsv.parse(new CsvRequestParser(limits), new ByteArrayInputStream(csv));
    }

    private static List<CsvError> errorsOf(String csv) {
        return errorsOf(csv, DEFAULT_LIMITS);
    }

    private static List<CsvError> errorsOf(String csv, UploadProperties limits) {
        return errorsOf(csv.getBytes(StandardCharsets.UTF_8), limits);
    }

    private static List<CsvError> errorsOf(byte[] csv, UploadProperties limits) {
        InvalidCsvException e = catchThrowableOfType(InvalidCsvException.class, () -> parse(csv, limits));
        assertThat(e).as("an InvalidCsvException").isNotNull();
        return e.errors();
    }

    @Nested
    class AcceptsTheSpecSample {

        private static final String SAMPLE = """
                S. No.,Product Name,Input Image Urls
                1,SKU1,"https://www.public-image-url1.jpg, https://www.public-image-url2.jpg, https://www.public-image-url3.jpg"
                2,SKU2,"https://www.public-image-url1.jpg, https://www.public-image-url2.jpg, https://www.public-image-url3.jpg"
                """;

        @Test
        void keepsTheHeaderAsWrittenAndFindsTheUrlsColumn() {
            ParsedCsv parsed = parse(SAMPLE);

            assertThat(parsed.header()).containsExactly("S. No.", "Product Name", "Input Image Urls");
            assertThat(parsed.urlsColumn()).isEqualTo(2);
        }

        @Test
        void readsEveryProductWithItsUrlsSplitAndStripped() {
            List<NewProduct> products = parse(SAMPLE).products();

            assertThat(products).extracting(NewProduct::serialNumber).containsExactly(1L, 2L);
            assertThat(products).extracting(NewProduct::productName).containsExactly("SKU1", "SKU2");
            assertThat(products.getFirst().imageUrls()).containsExactly(
                    "https://www.public-image-url1.jpg",
                    "https://www.public-image-url2.jpg",
                    "https://www.public-image-url3.jpg");
        }

        @Test
        void keepsTheOriginalCells() {
            NewProduct first = parse(SAMPLE).products().getFirst();

            assertThat(first.cells()).containsExactly("1", "SKU1",
                    "https://www.public-image-url1.jpg, https://www.public-image-url2.jpg, https://www.public-image-url3.jpg");
        }
    }

    @Nested
    class RecognisesHeaderSpellings {

        @ParameterizedTest
        @ValueSource(strings = {
                "s_no,product,Image URLs",
                "Serial Number,Product Name,Input URLs",
                "SNO,PRODUCT NAME,INPUT IMAGE URLS",
                "  s.no ,  product-name ,  input_image_urls  ",
                "Sr. No,Name,URLs",
                "No.,Product Names,Input Image URL"})
        void acceptsCommonSpellings(String header) {
            ParsedCsv parsed = parse(header + "\n1,Shoe," + URL + "\n");

            assertThat(parsed.urlsColumn()).isEqualTo(2);
            assertThat(parsed.products()).singleElement().satisfies(product -> {
                assertThat(product.serialNumber()).isEqualTo(1);
                assertThat(product.productName()).isEqualTo("Shoe");
                assertThat(product.imageUrls()).containsExactly(URL);
            });
        }

        @Test
        void keepsTheHeaderAsWrittenButStripped() {
            ParsedCsv parsed = parse("  s_no , Product ,Image URLs\n1,Shoe," + URL + "\n");

            assertThat(parsed.header()).containsExactly("s_no", "Product", "Image URLs");
        }
    }

    @Nested
    class AcceptsFreeColumnOrderAndExtraColumns {

        @Test
        void readsColumnsInAnyOrder() {
            ParsedCsv parsed = parse("Input Image Urls,Product Name,S. No.\n" + URL + ",Shoe,7\n");

            assertThat(parsed.urlsColumn()).isZero();
            assertThat(parsed.products()).singleElement().satisfies(product -> {
                assertThat(product.serialNumber()).isEqualTo(7);
                assertThat(product.productName()).isEqualTo("Shoe");
                assertThat(product.imageUrls()).containsExactly(URL);
            });
        }

        @Test
        void keepsExtraColumnsInTheCellsAndPointsAtTheUrlsColumn() {
            ParsedCsv parsed = parse("Brand,S. No.,Colour,Product Name,Input Image Urls,Notes\n"
                    + "Acme,1,red,Shoe," + URL + ",fragile\n");

            assertThat(parsed.header())
                    .containsExactly("Brand", "S. No.", "Colour", "Product Name", "Input Image Urls", "Notes");
            assertThat(parsed.urlsColumn()).isEqualTo(4);
            assertThat(parsed.products().getFirst().cells())
                    .containsExactly("Acme", "1", "red", "Shoe", URL, "fragile");
        }

        @Test
        void padsARowShorterThanTheHeader() {
            ParsedCsv parsed = parse("S. No.,Product Name,Input Image Urls,Notes\n1,Shoe," + URL + "\n");

            assertThat(parsed.products().getFirst().cells()).containsExactly("1", "Shoe", URL, "");
        }
    }

    @Nested
    class ToleratesFileVariations {

        @Test
        void acceptsASerialNumberWithATrailingDot() {
            ParsedCsv parsed = parse(HEADER + "1.,Shoe," + URL + "\n2.,Hat," + URL + "\n");

            assertThat(parsed.products()).extracting(NewProduct::serialNumber).containsExactly(1L, 2L);
        }

        @Test
        void stripsAUtf8ByteOrderMark() {
            ParsedCsv parsed = parse("\uFEFF" + HEADER + "1,Shoe," + URL + "\n");

            assertThat(parsed.header().getFirst()).isEqualTo("S. No.");
            assertThat(parsed.products()).hasSize(1);
        }

        @Test
        void stripsAByteOrderMarkBeforeAQuotedHeader() {
            ParsedCsv parsed = parse("\uFEFF\"S. No.\",Product Name,Input Image Urls\n1,A," + URL + "\n");

            assertThat(parsed.header()).containsExactly("S. No.", "Product Name", "Input Image Urls");
        }

        @Test
        void acceptsCrlfLineEndings() {
            ParsedCsv parsed = parse(HEADER.replace("\n", "\r\n") + "1,Shoe," + URL + "\r\n2,Hat," + URL + "\r\n");

            assertThat(parsed.products()).extracting(NewProduct::productName).containsExactly("Shoe", "Hat");
            assertThat(parsed.products().getLast().imageUrls()).containsExactly(URL);
        }

        @Test
        void acceptsAMissingFinalNewline() {
            ParsedCsv parsed = parse(HEADER + "1,Shoe," + URL);

            assertThat(parsed.products()).hasSize(1);
        }

        @Test
        void readsAQuotedFieldWithAnEmbeddedNewlineAndQuotes() {
            ParsedCsv parsed = parse(HEADER + "1,\"The \"\"Big\"\"\nShoe\"," + URL + "\n");

            assertThat(parsed.products().getFirst().productName()).isEqualTo("The \"Big\"\nShoe");
        }

        @Test
        void countsTheLinesOfAMultiLineRecordInLaterErrors() {
            List<CsvError> errors = errorsOf(HEADER
                    + "1,\"The \"\"Big\"\"\nShoe\nin three lines\"," + URL + "\n"
                    + "2,," + URL + "\n");

            assertThat(errors).containsExactly(new CsvError(5, "Product Name", "the product name is blank"));
        }
    }

    @Nested
    class ReportsHeaderProblems {

        @Test
        void reportsAMissingColumnOnLineOneByItsCanonicalName() {
            List<CsvError> errors = errorsOf("S. No.,Input Image Urls\n1," + URL + "\n");

            assertThat(errors).containsExactly(new CsvError(1, "Product Name", "missing column 'Product Name'"));
        }

        @Test
        void reportsEveryMissingColumn() {
            List<CsvError> errors = errorsOf("Foo,Bar\n1,2\n");

            assertThat(errors).extracting(CsvError::line).containsOnly(1L);
            assertThat(errors).extracting(CsvError::column)
                    .containsExactly("S. No.", "Product Name", "Input Image Urls");
        }

        @Test
        void reportsTwoHeadersNamingTheSameColumn() {
            List<CsvError> errors = errorsOf("S. No.,Product Name,Name,Input Image Urls\n1,Shoe,Shoe," + URL + "\n");

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.line()).isEqualTo(1);
                assertThat(error.column()).isEqualTo("Name");
                assertThat(error.message()).contains("'Name'", "'Product Name'");
            });
        }

        @Test
        void reportsABlankHeader() {
            List<CsvError> errors = errorsOf("S. No.,,Product Name,Input Image Urls\n1,x,Shoe," + URL + "\n");

            assertThat(errors).containsExactly(new CsvError(1, null, "column 2 has no header"));
        }
    }

    @Nested
    class ReportsSerialNumberProblems {

        @ParameterizedTest
        @ValueSource(strings = {"abc", "0", "-1", "1.5", "00"})
        void refusesASerialThatIsNotAPositiveWholeNumber(String serial) {
            List<CsvError> errors = errorsOf(HEADER + "1,Hat," + URL + "\n" + serial + ",Shoe," + URL + "\n");

            assertThat(errors).containsExactly(
                    new CsvError(3, "S. No.", "'" + serial + "' is not a positive whole number"));
        }

        @Test
        void refusesABlankSerial() {
            List<CsvError> errors = errorsOf(HEADER + " ,Shoe," + URL + "\n");

            assertThat(errors).containsExactly(new CsvError(2, "S. No.", "the serial number is blank"));
        }

        @Test
        void refusesADuplicateSerialNamingTheEarlierLine() {
            List<CsvError> errors = errorsOf(HEADER
                    + "1,Shoe," + URL + "\n"
                    + "2,Hat," + URL + "\n"
                    + "1.,Sock," + URL + "\n");

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.line()).isEqualTo(4);
                assertThat(error.column()).isEqualTo("S. No.");
                assertThat(error.message()).contains("already used on line 2");
            });
        }

        @Test
        void namesTheSerialColumnAsWritten() {
            List<CsvError> errors = errorsOf("Serial Number,Product Name,Input Image Urls\nx,Shoe," + URL + "\n");

            assertThat(errors).extracting(CsvError::column).containsExactly("Serial Number");
        }
    }

    @Nested
    class ReportsProductNameProblems {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\"\""})
        void refusesABlankProductName(String name) {
            List<CsvError> errors = errorsOf(HEADER + "1," + name + "," + URL + "\n");

            assertThat(errors).containsExactly(new CsvError(2, "Product Name", "the product name is blank"));
        }

        @Test
        void stripsTheProductName() {
            assertThat(parse(HEADER + "1,  Shoe  ," + URL + "\n").products().getFirst().productName())
                    .isEqualTo("Shoe");
        }
    }

    @Nested
    class ReportsImageUrlProblems {

        @ParameterizedTest
        @ValueSource(strings = {"ftp://img.example.com/a.jpg", "/relative.jpg", "javascript:alert(1)",
                "img.example.com/a.jpg", "file:///etc/passwd"})
        void refusesAUrlThatIsNotAbsoluteHttp(String url) {
            List<CsvError> errors = errorsOf(HEADER + "1,Shoe,\"" + URL + ", " + url + "\"\n");

            assertThat(errors).containsExactly(
                    new CsvError(2, "Input Image Urls", "'" + url + "' is not an absolute http(s) URL"));
        }

        @Test
        void refusesAUrlWithoutAHost() {
            List<CsvError> errors = errorsOf(HEADER + "1,Shoe,http:///a.jpg\n");

            assertThat(errors).containsExactly(new CsvError(2, "Input Image Urls", "'http:///a.jpg' has no host"));
        }

        @Test
        void refusesAUrlThatDoesNotParse() {
            List<CsvError> errors = errorsOf(HEADER + "1,Shoe,https://img.example.com/a b.jpg\n");

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.column()).isEqualTo("Input Image Urls");
                assertThat(error.message()).startsWith("'https://img.example.com/a b.jpg' is not a valid URL");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"" + URL + ",," + URL + "\"", "\"" + URL + ", ,\t" + URL + "\"", "\"" + URL + ",\""})
        void refusesAnEmptyUrlBetweenCommas(String cell) {
            List<CsvError> errors = errorsOf(HEADER + "1,Shoe," + cell + "\n");

            assertThat(errors).containsExactly(new CsvError(2, "Input Image Urls",
                    "an empty image URL (two commas in a row, or a trailing comma)"));
        }

        @Test
        void refusesARowWithoutUrls() {
            List<CsvError> errors = errorsOf(HEADER + "1,Shoe,  \n");

            assertThat(errors).containsExactly(new CsvError(2, "Input Image Urls", "no image URL"));
        }

        @Test
        void acceptsExactlyTheMaximumNumberOfUrls() {
            ParsedCsv parsed = parse((HEADER + "1,Shoe,\"" + urls(3) + "\"\n").getBytes(StandardCharsets.UTF_8),
                    limits(100, 3, 200, 100));

            assertThat(parsed.products().getFirst().imageUrls()).hasSize(3);
        }

        @Test
        void refusesTooManyUrlsInARow() {
            List<CsvError> errors = errorsOf(HEADER + "1,Shoe,\"" + urls(4) + "\"\n", limits(100, 3, 200, 100));

            assertThat(errors).containsExactly(
                    new CsvError(2, "Input Image Urls", "4 image URLs: the limit is 3 a row"));
        }

        @Test
        void acceptsAUrlOfExactlyTheMaximumLength() {
            String url = urlOfLength(40);

            ParsedCsv parsed = parse((HEADER + "1,Shoe," + url + "\n").getBytes(StandardCharsets.UTF_8),
                    limits(100, 10, 40, 100));

            assertThat(parsed.products().getFirst().imageUrls()).containsExactly(url);
        }

        @Test
        void refusesATooLongUrl() {
            List<CsvError> errors = errorsOf(HEADER + "1,Shoe," + urlOfLength(41) + "\n", limits(100, 10, 40, 100));

            assertThat(errors).containsExactly(
                    new CsvError(2, "Input Image Urls", "an image URL of 41 characters: the limit is 40"));
        }

        @Test
        void reportsEveryBadUrlOfARow() {
            List<CsvError> errors = errorsOf(HEADER + "1,Shoe,\"ftp://a.example.com/x.jpg, " + URL + ", /b.jpg\"\n");

            assertThat(errors).extracting(CsvError::message).containsExactly(
                    "'ftp://a.example.com/x.jpg' is not an absolute http(s) URL",
                    "'/b.jpg' is not an absolute http(s) URL");
        }

        private static String urls(int count) {
            return IntStream.rangeClosed(1, count)
                    .mapToObj(i -> "https://img.example.com/" + i + ".jpg")
                    .collect(Collectors.joining(", "));
        }

        private static String urlOfLength(int length) {
            String prefix = "https://img.example.com/";
            return prefix + "x".repeat(length - prefix.length());
        }
    }

    @Nested
    class ReportsMalformedFiles {

        @Test
        void refusesARowWithMoreFieldsThanTheHeader() {
            List<CsvError> errors = errorsOf(HEADER + "1,Shoe," + URL + ",extra\n");

            assertThat(errors).containsExactly(new CsvError(2, null, "the row has 4 fields, the header only 3"));
        }

        @Test
        void refusesAnUnclosedQuoteOnTheLineWhereItOpens() {
            List<CsvError> errors = errorsOf(HEADER
                    + "1,Shoe," + URL + "\n"
                    + "2,\"Hat," + URL + "\n"
                    + "3,Sock," + URL + "\n");

            assertThat(errors).containsExactly(new CsvError(3, null, "a quoted field opens and never closes"));
        }

        @Test
        void refusesInvalidUtf8() {
            byte[] csv = bytes(HEADER + "1,Shoe," + URL + "\n2,Caf", new byte[] {(byte) 0xC3, (byte) 0x28},
                    "," + URL + "\n");

            List<CsvError> errors = errorsOf(csv, DEFAULT_LIMITS);

            assertThat(errors).containsExactly(
                    new CsvError(3, "Product Name", "not valid UTF-8 (save the file as UTF-8)"));
        }

        @Test
        void reportsInvalidUtf8FarIntoALargeFileOnItsOwnLine() {
            String before = HEADER + IntStream.rangeClosed(1, 400)
                    .mapToObj(i -> i + ",Product " + i + "," + URL + "\n").collect(Collectors.joining());
            byte[] csv = bytes(before + "401,Caf", new byte[] {(byte) 0xE9}, "," + URL + "\n");

            assertThat(errorsOf(csv, limits(1000, 10, 200, 100)))
                    .containsExactly(new CsvError(402, "Product Name", "not valid UTF-8 (save the file as UTF-8)"));
        }

        @Test
        void putsErrorsAfterBlankLinesOnTheirOwnLine() {
            assertThat(errorsOf(HEADER + "1,A," + URL + "\n\n2,," + URL + "\n"))
                    .containsExactly(new CsvError(4, "Product Name", "the product name is blank"));
            assertThat(errorsOf(HEADER.replace("\n", "\r\n") + "1,A," + URL + "\r\n\r\n2,," + URL + "\r\n"))
                    .containsExactly(new CsvError(4, "Product Name", "the product name is blank"));
        }

        @Test
        void explainsTextAfterAClosingQuote() {
            assertThat(errorsOf(HEADER + "1,\"A\"x," + URL + "\n"))
                    .containsExactly(new CsvError(2, null, "a quoted field is followed by text before the next comma"));
        }

        @Test
        void countsInvalidRowsTowardsTheRowLimit() {
            String csv = HEADER + "1,A," + URL + "\n2,B," + URL + "\n3,," + URL + "\n4,D," + URL + "\n";

            assertThat(errorsOf(csv, limits(3, 10, 200, 100)))
                    .contains(new CsvError(5, null, "too many rows: the limit is 3"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "\n\n", "\r\n"})
        void refusesAnEmptyFile(String csv) {
            List<CsvError> errors = errorsOf(csv);

            assertThat(errors).containsExactly(
                    new CsvError(1, null, "the file is empty: expected a header row and at least one product"));
        }

        @Test
        void refusesAHeaderOnlyFile() {
            List<CsvError> errors = errorsOf(HEADER);

            assertThat(errors).containsExactly(new CsvError(2, null, "the file has a header but no product rows"));
        }

        @Test
        void acceptsExactlyTheMaximumNumberOfRows() {
            ParsedCsv parsed = parse(rows(3).getBytes(StandardCharsets.UTF_8), limits(3, 10, 200, 100));

            assertThat(parsed.products()).hasSize(3);
        }

        @Test
        void refusesTooManyRowsAtTheFirstRowPastTheLimit() {
            List<CsvError> errors = errorsOf(rows(5), limits(3, 10, 200, 100));

            assertThat(errors).containsExactly(new CsvError(5, null, "too many rows: the limit is 3"));
        }

        private static String rows(int count) {
            return HEADER + IntStream.rangeClosed(1, count)
                    .mapToObj(i -> i + ",Product " + i + "," + URL + "\n")
                    .collect(Collectors.joining());
        }

        private static byte[] bytes(String before, byte[] middle, String after) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(middle);
            out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

    @Nested
    class CollectsErrors {

        @Test
        void collectsEveryProblemOfTheFileInOneException() {
            List<CsvError> errors = errorsOf(HEADER
                    + "1,Shoe," + URL + "\n"
                    + "x,,ftp://img.example.com/a.jpg\n"
                    + "3,Hat," + URL + ",extra\n"
                    + "1,Sock," + URL + "\n");

            assertThat(errors).containsExactly(
                    new CsvError(3, "S. No.", "'x' is not a positive whole number"),
                    new CsvError(3, "Product Name", "the product name is blank"),
                    new CsvError(3, "Input Image Urls", "'ftp://img.example.com/a.jpg' is not an absolute http(s) URL"),
                    new CsvError(4, null, "the row has 4 fields, the header only 3"),
                    new CsvError(5, "S. No.", "serial number 1 is already used on line 2"));
        }

        @Test
        void stopsAtTheMaximumNumberOfErrors() {
            String csv = HEADER + IntStream.rangeClosed(1, 20)
                    .mapToObj(i -> "x" + i + ",Shoe," + URL + "\n")
                    .collect(Collectors.joining());

            List<CsvError> errors = errorsOf(csv, limits(100, 10, 200, 5));

            assertThat(errors).hasSize(5);
            assertThat(errors).extracting(CsvError::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        }

        @Test
        void describesTheFirstProblemInTheExceptionMessage() {
            InvalidCsvException e = catchThrowableOfType(InvalidCsvException.class,
                    () -> parse(HEADER + "1,," + URL + "\n2,,x\n"));

            assertThat(e.getMessage()).isEqualTo("3 problem(s) in the CSV, first: line 2: the product name is blank");
        }
    }
}
