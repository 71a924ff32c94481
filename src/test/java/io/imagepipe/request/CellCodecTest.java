package io.imagepipe.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A row's cells survive being stored as one CSV line, whatever they hold. */
class CellCodecTest {

    @Test
    void plainCellsRoundTrip() {
        List<String> cells = List.of("1", "SKU 1", "https://a.example/x.jpg");

        assertThat(CellCodec.encode(cells)).isEqualTo("1,SKU 1,https://a.example/x.jpg");
        assertThat(CellCodec.decode(CellCodec.encode(cells))).isEqualTo(cells);
    }

    @Test
    void cellsWithCommasQuotesLineBreaksAndBlanksRoundTrip() {
        List<String> cells = List.of("a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "", " padded ", "=1+2");

        assertThat(CellCodec.decode(CellCodec.encode(cells))).isEqualTo(cells);
    }

    @Test
    void aSingleEmptyCellStaysOneCell() {
        assertThat(CellCodec.decode(CellCodec.encode(List.of("")))).containsExactly("");
    }

    @Test
    void lazyCellsDecodeOnFirstRead() {
        List<String> cells = new LazyCells(CellCodec.encode(List.of("x", "y,z")));

        assertThat(cells).containsExactly("x", "y,z");
    }
}
