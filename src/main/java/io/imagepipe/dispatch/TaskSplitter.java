package io.imagepipe.dispatch;

import io.imagepipe.request.NewProduct;
import io.imagepipe.request.ProductsAccepted;
import java.util.ArrayList;
import java.util.List;

/** Cuts a batch of accepted products into tasks of whole rows, numbering images in CSV order as the request module does. */
final class TaskSplitter {

    private final int imagesPerTask;

    TaskSplitter(int imagesPerTask) {
        this.imagesPerTask = imagesPerTask;
    }

    List<ImageTask> split(ProductsAccepted batch) {
        List<ImageTask> tasks = new ArrayList<>();
        List<ImageTask.Row> rows = new ArrayList<>();
        int images = 0;
        int seq = batch.firstSeq();
        int position = batch.firstPosition();
        String requestId = batch.requestId().toString();
        for (NewProduct product : batch.products()) {
            List<ImageTask.Image> rowImages = new ArrayList<>(product.imageUrls().size());
            for (String url : product.imageUrls()) {
                rowImages.add(new ImageTask.Image(seq++, url));
            }
            if (images > 0 && images + rowImages.size() > imagesPerTask) {
                tasks.add(new ImageTask(requestId, List.copyOf(rows)));
                rows.clear();
                images = 0;
            }
            rows.add(new ImageTask.Row(position++, product.serialNumber(), product.productName(), rowImages));
            images += rowImages.size();
        }
        if (!rows.isEmpty()) {
            tasks.add(new ImageTask(requestId, List.copyOf(rows)));
        }
        return tasks;
    }
}
