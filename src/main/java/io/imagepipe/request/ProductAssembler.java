package io.imagepipe.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;

/** Groups rows of a product-join-image query, ordered by product, into one {@link ProductView} per product. */
final class ProductAssembler implements RowCallbackHandler {

    private final Consumer<ProductView> consumer;
    private int position = -1;
    private long serialNumber;
    private String productName;
    private String cells;
    private List<ImageView> images = new ArrayList<>();

    ProductAssembler(Consumer<ProductView> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
        int rowPosition = rs.getInt("position");
        if (rowPosition != position) {
            flush();
            position = rowPosition;
            serialNumber = rs.getLong("serial_number");
            productName = rs.getString("product_name");
            cells = rs.getString("cells");
        }
        images.add(new ImageView(rs.getInt("seq"), rs.getString("input_url"), rs.getString("output_url"),
                ImageStatus.valueOf(rs.getString("status")), rs.getString("error")));
    }

    /** Hands over the product being assembled, if any. */
    void flush() {
        if (position >= 0) {
            consumer.accept(new ProductView(position, serialNumber, productName, new LazyCells(cells), images));
            images = new ArrayList<>();
            position = -1;
        }
    }
}
