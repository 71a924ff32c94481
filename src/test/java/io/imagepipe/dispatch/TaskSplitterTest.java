package io.imagepipe.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagepipe.request.NewProduct;
import io.imagepipe.request.ProductsAccepted;
import io.imagepipe.request.RequestId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskSplitterTest {

    private static final RequestId ID = RequestId.random();

    /** A request's first batch of products with these numbers of images; product i is serial i + 1 named "P<i+1>". */
    private static ProductsAccepted requestWithImages(int... imagesPerProduct) {
        List<NewProduct> products = new ArrayList<>();
        for (int p = 0; p < imagesPerProduct.length; p++) {
            int serial = p + 1;
            List<String> urls = IntStream.range(0, imagesPerProduct[p])
                    .mapToObj(i -> "https://img.example.com/p" + serial + "/" + i + ".jpg")
                    .toList();
            products.add(new NewProduct(serial, "P" + serial, List.of(Integer.toString(serial), "P" + serial,
                    String.join(",", urls)), urls));
        }
        return new ProductsAccepted(ID, 0, 0, products);
    }

    private static List<ImageTask.Row> rowsOf(List<ImageTask> tasks) {
        return tasks.stream().flatMap(task -> task.rows().stream()).toList();
    }

    private static List<ImageTask.Image> imagesOf(List<ImageTask> tasks) {
        return rowsOf(tasks).stream().flatMap(row -> row.images().stream()).toList();
    }

    private static int imageCount(ImageTask task) {
        return task.rows().stream().mapToInt(row -> row.images().size()).sum();
    }

    @Test
    void putsASmallRequestInOneTask() {
        List<ImageTask> tasks = new TaskSplitter(10).split(requestWithImages(2, 3));

        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.requestId()).isEqualTo(ID.toString());
            assertThat(task.rows()).extracting(ImageTask.Row::serialNumber).containsExactly(1L, 2L);
        });
    }

    @Test
    void numbersImagesAcrossProductsInCsvOrder() {
        ProductsAccepted request = requestWithImages(2, 3, 1);

        List<ImageTask> tasks = new TaskSplitter(3).split(request);

        assertThat(imagesOf(tasks)).extracting(ImageTask.Image::seq).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(imagesOf(tasks)).extracting(ImageTask.Image::url).containsExactlyElementsOf(
                request.products().stream().flatMap(p -> p.imageUrls().stream()).toList());
    }

    @Test
    void keepsRowPositionsSerialsAndNamesInCsvOrder() {
        List<ImageTask> tasks = new TaskSplitter(2).split(requestWithImages(1, 2, 1, 1));

        assertThat(rowsOf(tasks)).extracting(ImageTask.Row::position).containsExactly(0, 1, 2, 3);
        assertThat(rowsOf(tasks)).extracting(ImageTask.Row::serialNumber).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rowsOf(tasks)).extracting(ImageTask.Row::productName).containsExactly("P1", "P2", "P3", "P4");
    }

    @Test
    void neverSplitsARow() {
        ProductsAccepted request = requestWithImages(3, 3, 3);

        List<ImageTask> tasks = new TaskSplitter(4).split(request);

        assertThat(tasks).hasSize(3);
        assertThat(rowsOf(tasks)).extracting(row -> row.images().size()).containsExactly(3, 3, 3);
    }

    @Test
    void fillsTasksUpToTheBoundWithWholeRows() {
        List<ImageTask> tasks = new TaskSplitter(5).split(requestWithImages(2, 3, 1, 4, 2));

        assertThat(tasks).extracting(TaskSplitterTest::imageCount).containsExactly(5, 5, 2);
        assertThat(tasks).allSatisfy(task -> assertThat(imageCount(task)).isLessThanOrEqualTo(5));
    }

    @Test
    void givesARowLargerThanTheBoundATaskOfItsOwn() {
        List<ImageTask> tasks = new TaskSplitter(3).split(requestWithImages(1, 7, 1));

        assertThat(tasks).extracting(task -> task.rows().stream().map(ImageTask.Row::serialNumber).toList())
                .containsExactly(List.of(1L), List.of(2L), List.of(3L));
        assertThat(tasks.get(1).rows().getFirst().images()).extracting(ImageTask.Image::seq)
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void putsEachRowInItsOwnTaskWhenTheBoundIsOne() {
        List<ImageTask> tasks = new TaskSplitter(1).split(requestWithImages(1, 1, 1));

        assertThat(tasks).hasSize(3).allSatisfy(task -> assertThat(task.rows()).hasSize(1));
    }

    @Test
    void coversEveryImageExactlyOnce() {
        ProductsAccepted request = requestWithImages(4, 1, 6, 2, 2, 9, 1);

        List<ImageTask> tasks = new TaskSplitter(5).split(request);

        assertThat(imagesOf(tasks)).extracting(ImageTask.Image::seq)
                .containsExactlyElementsOf(IntStream.range(0, request.products().stream().mapToInt(p -> p.imageUrls().size()).sum()).boxed().toList());
    }

    @Test
    void aLaterBatchContinuesThePositionsAndSeqsItWasGiven() {
        ProductsAccepted first = requestWithImages(2, 3);
        ProductsAccepted later = new ProductsAccepted(ID, 1000, 2500, first.products());

        List<ImageTask.Row> rows = rowsOf(new TaskSplitter(10).split(later));

        assertThat(rows).extracting(ImageTask.Row::position).containsExactly(1000, 1001);
        assertThat(rows.stream().flatMap(row -> row.images().stream()).map(ImageTask.Image::seq))
                .containsExactly(2500, 2501, 2502, 2503, 2504);
    }
}
