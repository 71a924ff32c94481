package io.imagepipe.worker;

import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.Role;
import io.imagepipe.dispatch.ImageTask;
import io.imagepipe.request.RequestId;
import io.imagepipe.request.Requests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads tasks that failed every retry from the dead-letter topic and fails their unfinished images with
 * the reason the error handler put in the record's headers, so that every accepted request still finishes.
 */
@Component
@ConditionalOnRole(Role.WORKER)
class DeadLetterListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterListener.class);

    private final JsonMapper json;
    private final Requests requests;

    DeadLetterListener(JsonMapper json, Requests requests) {
        this.json = json;
        this.requests = requests;
    }

    @KafkaListener(id = "imagepipe-dead-letters", topics = "${imagepipe.dispatch.topic:imagepipe.tasks}.dlt",
            groupId = "imagepipe-dead-letters")
    void onDeadTask(String payload,
                    @Header(name = KafkaHeaders.DLT_EXCEPTION_MESSAGE, required = false) byte[] reason) {
        ImageTask task = json.readValue(payload, ImageTask.class);
        List<Integer> seqs = task.rows().stream().flatMap(row -> row.images().stream()).map(ImageTask.Image::seq).toList();
        String why = "could not be dispatched: "
                + (reason == null ? "the task failed every retry" : new String(reason, StandardCharsets.UTF_8));
        int failed = requests.failUnfinished(RequestId.parse(task.requestId()), seqs, why);
        log.warn("Dead-lettered task of request {}: failed {} unfinished image(s): {}", task.requestId(), failed, why);
    }
}
