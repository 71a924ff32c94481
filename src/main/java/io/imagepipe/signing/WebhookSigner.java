package io.imagepipe.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies messages the Standard Webhooks way: headers {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}.
 */
public final class WebhookSigner {

    /** How far a timestamp may be from now before a message is refused. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";

    private final byte[] key;
    private final Clock clock;

    /** A signer for a {@code whsec_}-prefixed base64 secret (the prefix is optional). */
    public WebhookSigner(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a signing secret is required");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        this.key = Base64.getDecoder().decode(encoded);
        this.clock = clock;
    }

    /** A new random secret in the {@code whsec_} form. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The headers that sign {@code body}, with a fresh message ID and the current time. */
    public SignedHeaders sign(byte[] body) {
        return sign("msg_" + UUID.randomUUID(), body);
    }

    /**
     * The headers that sign {@code body} under a given message ID, at the current time: retries of one
     * message keep its ID so that a receiver can tell a redelivery from a new message.
     */
    public SignedHeaders sign(String id, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return new SignedHeaders(id, timestamp, "v1," + signature(id, timestamp, body));
    }

    /**
     * Checks the headers against the body.
     *
     * @throws SignatureException when a header is missing, the timestamp is stale, or no signature matches
     */
    public void verify(String id, String timestamp, String signatureHeader, byte[] body) {
        if (id == null || timestamp == null || signatureHeader == null) {
            throw new SignatureException("missing webhook-id, webhook-timestamp or webhook-signature header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new SignatureException("webhook-timestamp is not a number");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs((double) now - seconds) > TOLERANCE.toSeconds()) {
            throw new SignatureException("webhook-timestamp is more than 5 minutes off");
        }
        byte[] expected = signature(id, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.trim().split(" ")) {
            if (candidate.startsWith("v1,")
                    && MessageDigest.isEqual(expected, candidate.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return;
            }
        }
        throw new SignatureException("no webhook-signature matches");
    }

    private String signature(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
