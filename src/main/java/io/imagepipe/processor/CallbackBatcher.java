package io.imagepipe.processor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers results going to the same callback URL and sends them together: a batch leaves when it is
 * full or when its first result has waited {@code linger}, so a busy service makes one callback
 * request for many images while a lone result still leaves within milliseconds.
 */
class CallbackBatcher {

    private final CallbackSender sender;
    private final int maxBatch;
    private final Duration linger;
    private final Map<String, List<JobResult>> pending = new LinkedHashMap<>();

    CallbackBatcher(CallbackSender sender, int maxBatch, Duration linger) {
        this.sender = sender;
        this.maxBatch = maxBatch;
        this.linger = linger;
    }

    /** Queues a result; the batch it joins is sent from a virtual thread of its own. */
    void send(String callbackUrl, JobResult result) {
        List<JobResult> full = null;
        synchronized (pending) {
            List<JobResult> batch = pending.get(callbackUrl);
            if (batch == null) {
                batch = new ArrayList<>();
                pending.put(callbackUrl, batch);
                List<JobResult> started = batch;
                Thread.ofVirtual().start(() -> sendAfterLinger(callbackUrl, started));
            }
            batch.add(result);
            if (batch.size() >= maxBatch) {
                pending.remove(callbackUrl);
                full = batch;
            }
        }
        if (full != null) {
            sender.send(callbackUrl, full);
        }
    }

    private void sendAfterLinger(String callbackUrl, List<JobResult> batch) {
        try {
            Thread.sleep(linger);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (pending) {
            if (pending.get(callbackUrl) != batch) {
                return;
            }
            pending.remove(callbackUrl);
        }
        sender.send(callbackUrl, batch);
    }
}
