package io.imagepipe.notify;

import io.imagepipe.request.Progress;
import io.imagepipe.request.RequestFinished;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Records a webhook to deliver in the same transaction that finishes a request that asked for one. */
@Component
class WebhookScheduler {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebhookScheduler(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(RequestFinished event) {
        if (event.webhookUrl() == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Progress progress = event.progress();
        String statusUrl = "/api/v1/requests/" + event.requestId();
        String payload = json.writeValueAsString(new CompletionEvent("request.completed", now,
                new CompletionEvent.Data(event.requestId().toString(), event.status().name(), progress.totalImages(),
                        progress.succeeded(), progress.failed(), statusUrl, statusUrl + "/output.csv")));
        jdbc.sql("insert into webhook_deliveries (request_id, url, payload, next_at) values (?, ?, ?, ?)")
                .params(event.requestId().value(), event.webhookUrl(), payload, now)
                .update();
    }
}
