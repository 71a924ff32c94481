package io.imagepipe.worker;

import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.Role;
import io.imagepipe.dispatch.ImageTask;
import io.imagepipe.request.ClaimedImage;
import io.imagepipe.request.RequestId;
import io.imagepipe.request.Requests;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes tasks: claims the task's images that still need a dispatch and submits them. A task
 * delivered twice finds its images already claimed or done and changes nothing. The offset is
 * committed after this returns.
 */
@Component
@ConditionalOnRole(Role.WORKER)
class TaskListener {

    static final String ID = "imagepipe-worker";

    private final JsonMapper json;
    private final Requests requests;
    private final ImageDispatcher dispatcher;
    private final WorkerProperties properties;

    TaskListener(JsonMapper json, Requests requests, ImageDispatcher dispatcher, WorkerProperties properties) {
        this.json = json;
        this.requests = requests;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @KafkaListener(id = ID, topics = "${imagepipe.dispatch.topic:imagepipe.tasks}",
            groupId = "imagepipe-worker")
    void onTask(String payload) {
        ImageTask task = json.readValue(payload, ImageTask.class);
        List<Integer> seqs = task.rows().stream()
                .flatMap(row -> row.images().stream())
                .map(ImageTask.Image::seq)
                .toList();
        List<ClaimedImage> claimed = requests.claim(RequestId.parse(task.requestId()), seqs, properties.lease());
        dispatcher.dispatch(claimed);
    }
}
