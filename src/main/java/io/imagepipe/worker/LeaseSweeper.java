package io.imagepipe.worker;

import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.Role;
import io.imagepipe.request.ClaimedImage;
import io.imagepipe.request.ImageResult;
import io.imagepipe.request.Requests;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-dispatches images whose lease ended without a callback, each under a new attempt number so
 * that a late callback for the old attempt is refused; fails an image after its last attempt.
 */
@Component
@ConditionalOnRole(Role.WORKER)
class LeaseSweeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseSweeper.class);
    private static final int BATCH = 200;

    private final Requests requests;
    private final ImageDispatcher dispatcher;
    private final WorkerProperties properties;

    LeaseSweeper(Requests requests, ImageDispatcher dispatcher, WorkerProperties properties) {
        this.requests = requests;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${imagepipe.worker.sweep-interval:10s}")
    void sweep() {
        try {
            List<ClaimedImage> again = new ArrayList<>();
            for (ClaimedImage image : requests.reclaimExpired(properties.lease(), BATCH)) {
                if (image.attempt() > properties.maxAttempts()) {
                    requests.record(ImageResult.failed(image.ref(), image.attempt(),
                            "no result from the image processing service after " + properties.maxAttempts() + " attempts"));
                } else {
                    again.add(image);
                }
            }
            if (!again.isEmpty()) {
                log.info("Re-dispatching {} image(s) whose lease ended without a result", again.size());
                dispatcher.dispatch(again);
            }
        } catch (RuntimeException e) {
            log.warn("Lease sweep failed; the next sweep tries again: {}", e.toString());
        }
    }
}
