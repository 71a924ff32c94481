package io.imagepipe.dispatch;

import io.imagepipe.request.NewProduct;
import io.imagepipe.request.NewRequest;
import java.util.ArrayList;
import java.util.List;

/** Cuts a request into tasks of whole rows, numbering images in CSV order as the request module does. */
final class TaskSplitter {

    private final int imagesPerTask;

    TaskSplitter(int imagesPerTask) {
        this.imagesPerTask = imagesPerTask;
    }

    List<ImageTask> split(NewRequest request) {
        List<ImageTask> tasks = new ArrayList<>();
        List<ImageTask.Row> rows = new ArrayList<>();
        int images = 0;
        int seq = 0;
        String requestId = request.id().toString();
        for (int position = 0; position < request.products().size(); position++) {
            NewProduct product = request.products().get(position);
            List<ImageTask.Image> rowImages = new ArrayList<>(product.imageUrls().size());
            for (String url : product.imageUrls()) {
                rowImages.add(new ImageTask.Image(seq++, url));
            }
            if (images > 0 && images + rowImages.size() > imagesPerTask) {
                tasks.add(new ImageTask(requestId, List.copyOf(rows)));
                rows.clear();
                images = 0;
            }
            rows.add(new ImageTask.Row(position, product.serialNumber(), product.productName(), rowImages));
            images += rowImages.size();
        }
        if (!rows.isEmpty()) {
            tasks.add(new ImageTask(requestId, List.copyOf(rows)));
        }
        return tasks;
    }
}
