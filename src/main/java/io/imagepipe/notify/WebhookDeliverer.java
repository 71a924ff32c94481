package io.imagepipe.notify;

import io.imagepipe.common.AddressPolicy;
import io.imagepipe.common.Cidr;
import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.Role;
import io.imagepipe.signing.Signers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due webhooks, signed with the webhook secret. A failed delivery is retried with exponential
 * backoff (1 s, 2 s, 4 s … up to an hour) for at most {@value #MAX_ATTEMPTS} attempts. A URL whose host
 * resolves to an address the policy refuses (loopback, private, metadata … unless
 * {@code imagepipe.notify.allowed-networks} lists it) is never called, and not retried.
 */
@Component
@ConditionalOnRole(Role.API)
class WebhookDeliverer {

    static final int MAX_ATTEMPTS = 12;
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    private final JdbcClient jdbc;
    private final Signers signers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final AddressPolicy policy;

    WebhookDeliverer(JdbcClient jdbc, Signers signers,
                     @Value("${imagepipe.notify.allowed-networks:}") List<String> allowedNetworks) {
        this.jdbc = jdbc;
        this.signers = signers;
        this.policy = new AddressPolicy(allowedNetworks.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList());
    }

    @Scheduled(fixedDelayString = "${imagepipe.notify.interval:1s}")
    void deliverDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Delivery> due = jdbc.sql("""
                select request_id, url, payload, attempts from webhook_deliveries
                where delivered_at is null and attempts < ? and next_at <= ? order by next_at limit 50""")
                .params(MAX_ATTEMPTS, now)
                .query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
        due.forEach(this::deliver);
    }

    private void deliver(Delivery delivery) {
        String refusal = refusal(delivery.url());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (refusal != null) {
            jdbc.sql("update webhook_deliveries set attempts = ?, last_error = ? where request_id = ?")
                    .params(MAX_ATTEMPTS, refusal, delivery.requestId()).update();
            log.warn("Webhook for request {} not sent: {}", delivery.requestId(), refusal);
            return;
        }
        String error = post(delivery);
        if (error == null) {
            jdbc.sql("update webhook_deliveries set delivered_at = ?, attempts = attempts + 1, last_error = null where request_id = ?")
                    .params(now, delivery.requestId()).update();
            return;
        }
        long backoffSeconds = Math.min(3600, 1L << Math.min(delivery.attempts(), 12));
        jdbc.sql("update webhook_deliveries set attempts = attempts + 1, next_at = ?, last_error = ? where request_id = ?")
                .params(now.plusSeconds(backoffSeconds), error, delivery.requestId()).update();
        log.info("Webhook for request {} to {} failed ({}); attempt {} of {}", delivery.requestId(), delivery.url(),
                error, delivery.attempts() + 1, MAX_ATTEMPTS);
    }

    /** Why the URL's host may not be called, or null when every address it resolves to is allowed. */
    private String refusal(String url) {
        try {
            String host = URI.create(url).getHost();
            for (InetAddress address : InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
                String refusal = policy.refusal(address);
                if (refusal != null) {
                    return refusal;
                }
            }
            return null;
        } catch (UnknownHostException | IllegalArgumentException | NullPointerException e) {
            return "cannot resolve the webhook's host: " + e.getMessage();
        }
    }

    /** Posts the webhook; returns null on success, else what went wrong. */
    private String post(Delivery delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            int status = http.send(signers.webhook().sign("msg_" + delivery.requestId(), body).applyTo(request).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private record Delivery(UUID requestId, String url, String payload, int attempts) {
    }
}
