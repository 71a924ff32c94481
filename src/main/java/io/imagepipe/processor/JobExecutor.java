package io.imagepipe.processor;

import io.imagepipe.storage.ObjectStorage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs, each on its own virtual thread: fetch (many at once, their bytes bounded by a memory
 * budget), transcode (one per codec thread, so the CPU is never oversubscribed), store, call back.
 * A slow source holds only its own download; admission is bounded too: past the queue capacity a job
 * is refused and the caller retries later.
 */
class JobExecutor {

    private static final Logger log = LoggerFactory.getLogger(JobExecutor.class);

    private final ImageFetcher fetcher;
    private final ImageTranscoder transcoder;
    private final ObjectStorage storage;
    private final CallbackBatcher callbacks;
    private final int capacity;
    private final Semaphore admitted;
    private final Semaphore downloads;
    private final Semaphore codec;
    private final MemoryBudget memory;
    private final AtomicLong completed = new AtomicLong();

    JobExecutor(ImageFetcher fetcher, ImageTranscoder transcoder, ObjectStorage storage, CallbackBatcher callbacks,
                ProcessorProperties properties) {
        this.fetcher = fetcher;
        this.transcoder = transcoder;
        this.storage = storage;
        this.callbacks = callbacks;
        this.capacity = properties.queueCapacity();
        this.admitted = new Semaphore(capacity);
        this.downloads = new Semaphore(properties.concurrentDownloads());
        this.codec = new Semaphore(properties.effectiveCodecThreads());
        this.memory = new MemoryBudget(properties.downloadMemory().toBytes());
    }

    /** Takes all the jobs if there is room for all of them; returns false, taking none, when the queue is too full. */
    boolean submit(List<Job> jobs) {
        if (!admitted.tryAcquire(jobs.size())) {
            return false;
        }
        for (Job job : jobs) {
            Thread.ofVirtual().name("job-" + job.jobId()).start(() -> {
                try {
                    callbacks.send(job.callbackUrl(), run(job));
                    completed.incrementAndGet();
                } finally {
                    admitted.release();
                }
            });
        }
        return true;
    }

    /** Jobs finished since start. */
    long completed() {
        return completed.get();
    }

    /** Jobs taken and not finished yet. */
    int inFlight() {
        return capacity - admitted.availablePermits();
    }

    /** Bytes of the download memory budget free now. */
    long downloadMemoryFree() {
        return memory.available();
    }

    private JobResult run(Job job) {
        try (MemoryBudget.Reservation reservation = memory.reservation()) {
            byte[] source = fetch(job, reservation);
            EncodedImage image = transcode(source);
            String url = storage.put(outputKey(job, image.format()), image.bytes(), image.format().contentType());
            return JobResult.succeeded(job, url, image);
        } catch (ImageFailure e) {
            return JobResult.failed(job, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JobResult.failed(job, "the image processing service is shutting down");
        } catch (RuntimeException | OutOfMemoryError e) {
            log.warn("Job {} failed unexpectedly", job.jobId(), e);
            return JobResult.failed(job, "internal error while processing the image: " + e);
        }
    }

    private byte[] fetch(Job job, MemoryBudget.Reservation reservation) throws ImageFailure, InterruptedException {
        downloads.acquire();
        try {
            return fetcher.fetch(job.sourceUrl(), reservation);
        } finally {
            downloads.release();
        }
    }

    private EncodedImage transcode(byte[] source) throws ImageFailure, InterruptedException {
        codec.acquire();
        try {
            return transcoder.transcode(source);
        } finally {
            codec.release();
        }
    }

    /** The same job and attempt always write the same key, so a retried attempt replaces its own output. */
    private static String outputKey(Job job, OutputFormat format) {
        String id = UUID.nameUUIDFromBytes((job.jobId() + "#" + job.attempt()).getBytes(StandardCharsets.UTF_8)).toString();
        return id.substring(0, 2) + "/" + id + "." + format.extension();
    }
}
