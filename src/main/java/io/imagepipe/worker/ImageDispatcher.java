package io.imagepipe.worker;

import io.imagepipe.request.ClaimedImage;
import io.imagepipe.request.ImageResult;
import io.imagepipe.request.Requests;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sends claimed images to the image processing service, failing those it refuses and giving back the rest on an outage. */
@Component
class ImageDispatcher {

    private final ProcessorClient processor;
    private final Requests requests;

    ImageDispatcher(ProcessorClient processor, Requests requests) {
        this.processor = processor;
        this.requests = requests;
    }

    /**
     * Submits every image in order.
     *
     * @throws ProcessorUnavailableException after giving back the claims of the images not yet submitted
     */
    void dispatch(List<ClaimedImage> images) {
        for (int i = 0; i < images.size(); i++) {
            ClaimedImage image = images.get(i);
            try {
                processor.submit(image);
            } catch (JobRejectedException e) {
                requests.record(ImageResult.failed(image.ref(), image.attempt(), e.getMessage()));
            } catch (ProcessorUnavailableException e) {
                images.subList(i, images.size()).forEach(requests::release);
                throw e;
            }
        }
    }
}
