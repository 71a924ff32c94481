package io.imagepipe.dispatch;

import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.Role;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves outbox rows to Kafka: sends a batch, waits until the broker acknowledged every message
 * ({@code acks=all}), then deletes the batch, all in one transaction that holds the rows locked.
 * A crash between sending and deleting sends a task twice, which the worker shrugs off.
 */
@Component
@ConditionalOnRole(Role.API)
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final DispatchProperties properties;
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
                DispatchProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Asks the relay to look at the outbox as soon as the current transaction commits. */
    void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    private void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        try {
            thread.join(SEND_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration backoff = properties.relayInterval();
        while (running) {
            try {
                while (running && relayBatch() == properties.relayBatch()) {
                    // a full batch: there may be more
                }
                backoff = properties.relayInterval();
                await(backoff);
            } catch (RuntimeException e) {
                log.warn("Outbox relay failed, retrying in {}: {}", backoff, e.toString());
                await(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void await(Duration timeout) {
        synchronized (signal) {
            if (!woken) {
                try {
                    signal.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Relays one batch; returns how many rows it moved. */
    int relayBatch() {
        Integer moved = transactions.execute(status -> {
            List<OutboxRow> rows = jdbc.query(
                    "select id, topic, message_key, payload from outbox order by id limit ? for update skip locked",
                    (rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    properties.relayBatch());
            if (rows.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] sends = rows.stream()
                    .map(row -> kafka.send(row.topic(), row.key(), row.payload()))
                    .toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(sends).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge the outbox batch: " + e.getMessage(), e);
            }
            jdbc.batchUpdate("delete from outbox where id = ?", rows.stream().map(r -> new Object[] {r.id()}).toList());
            return rows.size();
        });
        return moved == null ? 0 : moved;
    }

    private record OutboxRow(long id, String topic, String key, String payload) {
    }
}
