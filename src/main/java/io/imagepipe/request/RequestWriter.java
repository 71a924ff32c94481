package io.imagepipe.request;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Stores a request's products as they are read, a batch at a time, so that memory does not grow with
 * the file; each batch is published as {@link ProductsAccepted} so that its work is queued in the same
 * transaction. Use it inside one transaction, from {@link Requests#begin} to {@link #finish}.
 */
public final class RequestWriter {

    static final int BATCH = 1000;

    private final RequestRepository repository;
    private final ApplicationEventPublisher events;
    private final RequestId id;
    private final OffsetDateTime now;
    private final List<NewProduct> pending = new ArrayList<>(BATCH);
    private int nextPosition;
    private int nextSeq;

    RequestWriter(RequestRepository repository, ApplicationEventPublisher events, RequestId id, OffsetDateTime now) {
        this.repository = repository;
        this.events = events;
        this.id = id;
        this.now = now;
    }

    /** Adds the next product in CSV order. */
    public void add(NewProduct product) {
        pending.add(product);
        if (pending.size() == BATCH) {
            flush();
        }
    }

    /**
     * Stores what is left, records the totals and the file's hash, and publishes {@link RequestAccepted}.
     *
     * @throws IllegalStateException when no product was added
     */
    public RequestId finish(String contentSha256) {
        flush();
        if (nextPosition == 0) {
            throw new IllegalStateException("a request has at least one product");
        }
        repository.completeRequest(id, nextSeq, contentSha256);
        events.publishEvent(new RequestAccepted(id, nextSeq));
        return id;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        ProductsAccepted batch = new ProductsAccepted(id, nextPosition, nextSeq, pending);
        repository.insertProducts(batch);
        repository.insertImages(batch, now);
        events.publishEvent(batch);
        nextPosition += pending.size();
        nextSeq += pending.stream().mapToInt(p -> p.imageUrls().size()).sum();
        pending.clear();
    }
}
