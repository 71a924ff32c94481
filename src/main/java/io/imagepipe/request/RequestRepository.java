package io.imagepipe.request;

import io.imagepipe.common.MultiRowInsert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL for requests, products and images; every statement runs on PostgreSQL and H2 alike. */
@Repository
class RequestRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RequestRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertRequest(RequestDraft draft, List<String> header, int urlsColumn, OffsetDateTime now) {
        jdbc.sql("""
                insert into requests (id, status, total_images, header, urls_column, webhook_url, idempotency_key,
                                      created_at, updated_at)
                values (?, ?, 0, ?, ?, ?, ?, ?, ?)""")
                .params(draft.id().value(), RequestStatus.PENDING.name(), CellCodec.encode(header), urlsColumn,
                        draft.webhookUrl(), draft.idempotencyKey(), now, now)
                .update();
    }

    void insertProducts(ProductsAccepted batch) {
        MultiRowInsert insert = new MultiRowInsert(template,
                "insert into products (request_id, position, serial_number, product_name, cells) values ", 5);
        int position = batch.firstPosition();
        for (NewProduct product : batch.products()) {
            insert.add(batch.requestId().value(), position++, product.serialNumber(), product.productName(),
                    CellCodec.encode(product.cells()));
        }
        insert.flush();
    }

    void insertImages(ProductsAccepted batch, OffsetDateTime now) {
        MultiRowInsert insert = new MultiRowInsert(template,
                "insert into images (request_id, seq, product_position, input_url, status, updated_at) values ", 6);
        int seq = batch.firstSeq();
        int position = batch.firstPosition();
        for (NewProduct product : batch.products()) {
            for (String url : product.imageUrls()) {
                insert.add(batch.requestId().value(), seq++, position, url, ImageStatus.PENDING.name(), now);
            }
            position++;
        }
        insert.flush();
    }

    void completeRequest(RequestId id, int totalImages, String contentSha256) {
        jdbc.sql("update requests set total_images = ?, content_sha256 = ? where id = ?")
                .params(totalImages, contentSha256, id.value())
                .update();
    }

    Optional<IdempotentUpload> findByIdempotencyKey(String key) {
        return jdbc.sql("select id, content_sha256 from requests where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new IdempotentUpload(new RequestId(rs.getObject(1, java.util.UUID.class)), rs.getString(2)))
                .optional();
    }

    Optional<RequestSummary> summary(RequestId id) {
        return jdbc.sql("""
                select id, status, total_images, succeeded, failed, created_at, updated_at, completed_at
                from requests where id = ?""")
                .param(id.value())
                .query(RequestRepository::summaryRow)
                .optional();
    }

    List<RequestSummary> list(int offset, int limit) {
        return jdbc.sql("""
                select id, status, total_images, succeeded, failed, created_at, updated_at, completed_at
                from requests order by created_at desc, id limit ? offset ?""")
                .params(limit, offset)
                .query(RequestRepository::summaryRow)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from requests").query(Long.class).single();
    }

    long productCount(RequestId id) {
        return jdbc.sql("select count(*) from products where request_id = ?").param(id.value()).query(Long.class).single();
    }

    Optional<String> webhookUrl(RequestId id) {
        return jdbc.sql("select webhook_url from requests where id = ?").param(id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    Optional<InputLayout> layout(RequestId id) {
        return jdbc.sql("select header, urls_column from requests where id = ?").param(id.value())
                .query((rs, n) -> new InputLayout(CellCodec.decode(rs.getString(1)), rs.getInt(2))).optional();
    }

    /** Products {@code [from, to)} by position, each with its images, in CSV order. */
    void forEachProduct(RequestId id, int from, int to, Consumer<ProductView> consumer) {
        ProductAssembler assembler = new ProductAssembler(consumer);
        template.query("""
                select p.position, p.serial_number, p.product_name, p.cells,
                       i.seq, i.input_url, i.output_url, i.status, i.error
                from products p join images i on i.request_id = p.request_id and i.product_position = p.position
                where p.request_id = ? and p.position >= ? and p.position < ?
                order by p.position, i.seq""", assembler, id.value(), from, to);
        assembler.flush();
    }

    /** Moves a PENDING request to PROCESSING, and marks any request as changed now (its images did). */
    int markProcessing(RequestId id, OffsetDateTime now) {
        return jdbc.sql("update requests set status = case when status = ? then ? else status end, updated_at = ? where id = ?")
                .params(RequestStatus.PENDING.name(), RequestStatus.PROCESSING.name(), now, id.value())
                .update();
    }

    /** Claims each image that is PENDING or whose lease ended; returns, per seq, whether it was claimed. */
    int[] claim(RequestId id, List<Integer> seqs, OffsetDateTime leaseUntil, OffsetDateTime now) {
        List<Object[]> rows = seqs.stream()
                .map(seq -> new Object[] {ImageStatus.PROCESSING.name(), leaseUntil, now, id.value(), seq, now})
                .toList();
        return template.batchUpdate("""
                update images set status = ?, attempt = attempt + 1, lease_until = ?, updated_at = ?
                where request_id = ? and seq = ?
                  and (status = 'PENDING' or (status = 'PROCESSING' and lease_until < ?))""", rows);
    }

    List<ClaimedImage> images(RequestId id, int fromSeq, int toSeq) {
        return jdbc.sql("""
                select seq, attempt, input_url from images
                where request_id = ? and seq >= ? and seq <= ? order by seq""")
                .params(id.value(), fromSeq, toSeq)
                .query((rs, n) -> new ClaimedImage(new ImageRef(id, rs.getInt(1)), rs.getInt(2), rs.getString(3)))
                .list();
    }

    int release(ClaimedImage image, OffsetDateTime now) {
        int released = jdbc.sql("""
                update images set status = 'PENDING', lease_until = null, updated_at = ?
                where request_id = ? and seq = ? and attempt = ? and status = 'PROCESSING'""")
                .params(now, image.ref().requestId().value(), image.ref().seq(), image.attempt())
                .update();
        if (released > 0) {
            jdbc.sql("update requests set updated_at = ? where id = ?").params(now, image.ref().requestId().value()).update();
        }
        return released;
    }

    List<ClaimedImage> expiredLeases(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                select request_id, seq, attempt, input_url from images
                where status = 'PROCESSING' and lease_until < ? order by lease_until limit ?""")
                .params(now, limit)
                .query((rs, n) -> new ClaimedImage(
                        new ImageRef(new RequestId(rs.getObject(1, java.util.UUID.class)), rs.getInt(2)),
                        rs.getInt(3), rs.getString(4)))
                .list();
    }

    int renewLease(ClaimedImage image, OffsetDateTime leaseUntil, OffsetDateTime now) {
        return jdbc.sql("""
                update images set attempt = attempt + 1, lease_until = ?, updated_at = ?
                where request_id = ? and seq = ? and attempt = ? and status = 'PROCESSING' and lease_until < ?""")
                .params(leaseUntil, now, image.ref().requestId().value(), image.ref().seq(), image.attempt(), now)
                .update();
    }

    int recordImage(ImageResult result, OffsetDateTime now) {
        ImageStatus status = result.isSuccess() ? ImageStatus.SUCCEEDED : ImageStatus.FAILED;
        return jdbc.sql("""
                update images set status = ?, output_url = ?, error = ?, lease_until = null, updated_at = ?
                where request_id = ? and seq = ? and attempt = ? and status = 'PROCESSING'""")
                .params(status.name(), result.outputUrl(), truncate(result.error()), now,
                        result.ref().requestId().value(), result.ref().seq(), result.attempt())
                .update();
    }

    int failUnfinished(RequestId id, java.util.Collection<Integer> seqs, String reason, OffsetDateTime now) {
        List<Object[]> rows = seqs.stream()
                .map(seq -> new Object[] {truncate(reason), now, id.value(), seq})
                .toList();
        int[] counts = template.batchUpdate("""
                update images set status = 'FAILED', error = ?, lease_until = null, updated_at = ?
                where request_id = ? and seq = ? and status in ('PENDING', 'PROCESSING')""", rows);
        return java.util.Arrays.stream(counts).map(c -> c > 0 ? 1 : 0).sum();
    }

    boolean imageExists(ImageRef ref) {
        return jdbc.sql("select count(*) from images where request_id = ? and seq = ?")
                .params(ref.requestId().value(), ref.seq()).query(Integer.class).single() > 0;
    }

    /** Adds to the counters and returns them as they now stand. */
    Progress count(RequestId id, int succeeded, int failed, OffsetDateTime now) {
        jdbc.sql("update requests set succeeded = succeeded + ?, failed = failed + ?, updated_at = ? where id = ?")
                .params(succeeded, failed, now, id.value())
                .update();
        return jdbc.sql("select total_images, succeeded, failed from requests where id = ?")
                .param(id.value())
                .query((rs, n) -> new Progress(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    int finish(RequestId id, RequestStatus status, OffsetDateTime now) {
        List<String> sources = RequestStatus.sourcesOf(status).stream().map(Enum::name).toList();
        return jdbc.sql("""
                update requests set status = ?, completed_at = ?, updated_at = ?
                where id = ? and status in (:sources)""".replace(":sources", placeholders(sources.size())))
                .params(concat(List.of(status.name(), now, now, id.value()), sources))
                .update();
    }

    private static RequestSummary summaryRow(ResultSet rs, int rowNum) throws SQLException {
        return new RequestSummary(
                new RequestId(rs.getObject("id", java.util.UUID.class)),
                RequestStatus.valueOf(rs.getString("status")),
                new Progress(rs.getInt("total_images"), rs.getInt("succeeded"), rs.getInt("failed")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static List<Object> concat(List<Object> head, List<String> tail) {
        List<Object> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

}
