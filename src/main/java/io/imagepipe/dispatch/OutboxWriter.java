package io.imagepipe.dispatch;

import io.imagepipe.common.MultiRowInsert;
import io.imagepipe.request.ProductsAccepted;
import io.imagepipe.request.RequestAccepted;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Writes a new request's tasks to the outbox, batch by batch, inside the transaction that stores the request. */
@Component
class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final DispatchProperties properties;
    private final TaskSplitter splitter;
    private final ObjectProvider<OutboxRelay> relay;

    OutboxWriter(JdbcTemplate jdbc, JsonMapper json, DispatchProperties properties,
                 ObjectProvider<OutboxRelay> relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.splitter = new TaskSplitter(properties.imagesPerTask());
        this.relay = relay;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProductsAccepted batch) {
        List<ImageTask> tasks = splitter.split(batch);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        MultiRowInsert insert = new MultiRowInsert(jdbc, "insert into outbox (topic, message_key, payload, created_at) values ", 4);
        for (ImageTask task : tasks) {
            insert.add(properties.topic(), task.requestId(), json.writeValueAsString(task), now);
        }
        insert.flush();
    }

    @EventListener
    void on(RequestAccepted event) {
        relay.ifAvailable(OutboxRelay::wakeUpAfterCommit);
    }
}
