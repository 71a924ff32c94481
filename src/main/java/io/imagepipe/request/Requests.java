package io.imagepipe.request;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the other modules may do with requests and images; every change is one transaction. */
@Service
public class Requests {

    private final RequestRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Requests(RequestRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts storing a new PENDING request inside the caller's transaction; its products follow through
     * the writer. A rollback of that transaction leaves nothing behind.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the idempotency key is taken
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public RequestWriter begin(RequestDraft draft, List<String> header, int urlsColumn) {
        OffsetDateTime now = now();
        repository.insertRequest(draft, header, urlsColumn, now);
        return new RequestWriter(repository, events, draft.id(), now);
    }

    /** The request an idempotency key names, if any. */
    @Transactional(readOnly = true)
    public Optional<IdempotentUpload> findByIdempotencyKey(String key) {
        return repository.findByIdempotencyKey(key);
    }

    /** A request's status and progress; empty when there is no such request. */
    @Transactional(readOnly = true)
    public Optional<RequestSummary> summary(RequestId id) {
        return repository.summary(id);
    }

    /** Requests newest first. */
    @Transactional(readOnly = true)
    public List<RequestSummary> list(int offset, int limit) {
        return repository.list(offset, limit);
    }

    /** How many requests there are. */
    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /** The header row of the request's CSV and where its URLs column is; empty when there is no such request. */
    @Transactional(readOnly = true)
    public Optional<InputLayout> layout(RequestId id) {
        return repository.layout(id);
    }

    /** Products {@code [offset, offset + limit)} in CSV order, each with its images. */
    @Transactional(readOnly = true)
    public List<ProductView> products(RequestId id, int offset, int limit) {
        List<ProductView> products = new ArrayList<>();
        repository.forEachProduct(id, offset, offset + limit, products::add);
        return products;
    }

    /** How many products the request has. */
    @Transactional(readOnly = true)
    public long productCount(RequestId id) {
        return repository.productCount(id);
    }

    /** Every product in CSV order, streamed to {@code consumer} without holding them all. */
    @Transactional(readOnly = true)
    public void forEachProduct(RequestId id, Consumer<ProductView> consumer) {
        repository.forEachProduct(id, 0, Integer.MAX_VALUE, consumer);
    }

    /**
     * Claims images for dispatch: each one PENDING, or PROCESSING with an ended lease, moves to
     * PROCESSING with the next attempt number and a lease; the request moves to PROCESSING.
     *
     * @return the images claimed, in seq order; never null
     */
    @Transactional
    public List<ClaimedImage> claim(RequestId id, Collection<Integer> seqs, Duration lease) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = now();
        List<Integer> ordered = seqs.stream().sorted().toList();
        int[] claimed = repository.claim(id, ordered, now.plus(lease), now);
        List<Integer> won = new ArrayList<>();
        for (int i = 0; i < claimed.length; i++) {
            if (claimed[i] > 0) {
                won.add(ordered.get(i));
            }
        }
        if (won.isEmpty()) {
            return List.of();
        }
        repository.markProcessing(id, now);
        return repository.images(id, won.getFirst(), won.getLast()).stream()
                .filter(image -> won.contains(image.ref().seq()))
                .toList();
    }

    /** Gives back a claim whose job was never taken, so that the image can be dispatched again. */
    @Transactional
    public void release(ClaimedImage image) {
        repository.release(image, now());
    }

    /**
     * Re-claims images whose lease ended without a result, each under a new attempt number.
     *
     * @return the images re-claimed; never null
     */
    @Transactional
    public List<ClaimedImage> reclaimExpired(Duration lease, int limit) {
        OffsetDateTime now = now();
        List<ClaimedImage> reclaimed = new ArrayList<>();
        for (ClaimedImage image : repository.expiredLeases(now, limit)) {
            if (repository.renewLease(image, now.plus(lease), now) > 0) {
                reclaimed.add(new ClaimedImage(image.ref(), image.attempt() + 1, image.inputUrl()));
            }
        }
        return reclaimed;
    }

    /**
     * Records the result of the image's current attempt, updates the request's counters and,
     * with its last image, finishes the request and publishes {@link RequestFinished}.
     * A result for an image that has one already, or for an outdated attempt, changes nothing.
     */
    @Transactional
    public RecordOutcome record(ImageResult result) {
        OffsetDateTime now = now();
        if (repository.recordImage(result, now) == 0) {
            return repository.imageExists(result.ref()) ? RecordOutcome.IGNORED : RecordOutcome.UNKNOWN_IMAGE;
        }
        counted(result.ref().requestId(), result.isSuccess() ? 1 : 0, result.isSuccess() ? 0 : 1, now);
        return RecordOutcome.RECORDED;
    }

    /**
     * Records many results in one transaction, as {@link #record} does each, counting each request once:
     * results are applied in (request, seq) order so that concurrent batches lock rows in the same order.
     *
     * @return each result's outcome, in the order given
     */
    @Transactional
    public List<RecordOutcome> recordAll(List<ImageResult> results) {
        OffsetDateTime now = now();
        List<ImageResult> ordered = results.stream()
                .sorted(java.util.Comparator.comparing((ImageResult r) -> r.ref().requestId().value())
                        .thenComparingInt(r -> r.ref().seq()))
                .toList();
        java.util.Map<ImageResult, RecordOutcome> outcomes = new java.util.IdentityHashMap<>();
        java.util.Map<RequestId, int[]> counts = new java.util.LinkedHashMap<>();
        for (ImageResult result : ordered) {
            if (repository.recordImage(result, now) == 0) {
                outcomes.put(result, repository.imageExists(result.ref()) ? RecordOutcome.IGNORED : RecordOutcome.UNKNOWN_IMAGE);
                continue;
            }
            outcomes.put(result, RecordOutcome.RECORDED);
            counts.computeIfAbsent(result.ref().requestId(), id -> new int[2])[result.isSuccess() ? 0 : 1]++;
        }
        counts.forEach((id, count) -> counted(id, count[0], count[1], now));
        return results.stream().map(outcomes::get).toList();
    }

    /**
     * Fails every image of the list that has no result yet, whatever its attempt, with the reason; used
     * when a task failed every retry. Finishes the request when these were its last images.
     *
     * @return how many images were failed
     */
    @Transactional
    public int failUnfinished(RequestId id, Collection<Integer> seqs, String reason) {
        OffsetDateTime now = now();
        int failed = repository.failUnfinished(id, seqs, reason, now);
        if (failed > 0) {
            counted(id, 0, failed, now);
        }
        return failed;
    }

    private void counted(RequestId id, int succeeded, int failed, OffsetDateTime now) {
        Progress progress = repository.count(id, succeeded, failed, now);
        if (progress.pending() == 0) {
            RequestStatus status = RequestStatus.finalFor(progress.succeeded(), progress.failed());
            if (repository.finish(id, status, now) > 0) {
                events.publishEvent(new RequestFinished(id, status, repository.webhookUrl(id).orElse(null), progress));
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
