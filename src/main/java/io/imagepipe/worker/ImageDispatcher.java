package io.imagepipe.worker;

import io.imagepipe.request.ClaimedImage;
import io.imagepipe.request.ImageResult;
import io.imagepipe.request.Requests;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sends claimed images to the image processing service as a batch, failing them if it refuses and giving them back on an outage. */
@Component
class ImageDispatcher {

    private final ProcessorClient processor;
    private final Requests requests;

    ImageDispatcher(ProcessorClient processor, Requests requests) {
        this.processor = processor;
        this.requests = requests;
    }

    /**
     * Submits the images as one batch. A batch the service refuses for good fails its images with the
     * reason; when the service stays away, the claims are given back and the exception goes on.
     *
     * @throws ProcessorUnavailableException after giving back the claims
     */
    void dispatch(List<ClaimedImage> images) {
        if (images.isEmpty()) {
            return;
        }
        try {
            processor.submit(images);
        } catch (JobRejectedException e) {
            images.forEach(image -> requests.record(ImageResult.failed(image.ref(), image.attempt(), e.getMessage())));
        } catch (ProcessorUnavailableException e) {
            images.forEach(requests::release);
            throw e;
        }
    }
}
