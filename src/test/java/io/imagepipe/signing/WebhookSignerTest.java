package io.imagepipe.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final byte[] BODY = "{\"jobId\":\"abc.1\",\"status\":\"SUCCEEDED\"}".getBytes(StandardCharsets.UTF_8);

    private static WebhookSigner signerAt(Instant now) {
        return new WebhookSigner(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final WebhookSigner SIGNER = signerAt(NOW);

    private static String hmac(byte[] key, String signedContent) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signsWithTheStandardWebhooksScheme() throws Exception {
        SignedHeaders headers = SIGNER.sign(BODY);

        assertThat(headers.id()).startsWith("msg_");
        assertThat(headers.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        String expected = hmac(KEY, headers.id() + "." + headers.timestamp() + "." + new String(BODY, StandardCharsets.UTF_8));
        assertThat(headers.signature()).isEqualTo("v1," + expected);
    }

    @Test
    void givesEveryMessageItsOwnId() {
        assertThat(SIGNER.sign(BODY).id()).isNotEqualTo(SIGNER.sign(BODY).id());
    }

    @Test
    void verifiesWhatItSigned() {
        SignedHeaders headers = SIGNER.sign(BODY);

        assertThatCode(() -> SIGNER.verify(headers.id(), headers.timestamp(), headers.signature(), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void verifiesAnIndependentlyComputedSignature() throws Exception {
        String id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = "v1," + hmac(KEY, id + "." + timestamp + "." + new String(BODY, StandardCharsets.UTF_8));

        assertThatCode(() -> SIGNER.verify(id, timestamp, signature, BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsASecretWithoutThePrefix() {
        WebhookSigner unprefixed = new WebhookSigner(Base64.getEncoder().encodeToString(KEY), Clock.fixed(NOW, ZoneOffset.UTC));
        SignedHeaders headers = SIGNER.sign(BODY);

        assertThatCode(() -> unprefixed.verify(headers.id(), headers.timestamp(), headers.signature(), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBody() {
        SignedHeaders headers = SIGNER.sign(BODY);
        byte[] tampered = "{\"jobId\":\"abc.1\",\"status\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(headers.id(), headers.timestamp(), headers.signature(), tampered))
                .withMessage("no webhook-signature matches");
    }

    @Test
    void refusesATamperedId() {
        SignedHeaders headers = SIGNER.sign(BODY);

        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(headers.id() + "x", headers.timestamp(), headers.signature(), BODY));
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        WebhookSigner other = new WebhookSigner(WebhookSigner.newSecret(), Clock.fixed(NOW, ZoneOffset.UTC));
        SignedHeaders headers = other.sign(BODY);

        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(headers.id(), headers.timestamp(), headers.signature(), BODY))
                .withMessage("no webhook-signature matches");
    }

    @Test
    void acceptsATimestampExactlyFiveMinutesOffEitherWay() {
        for (Instant signedAt : new Instant[] {NOW.minus(WebhookSigner.TOLERANCE), NOW.plus(WebhookSigner.TOLERANCE)}) {
            SignedHeaders headers = signerAt(signedAt).sign(BODY);

            assertThatCode(() -> SIGNER.verify(headers.id(), headers.timestamp(), headers.signature(), BODY))
                    .as("signed at %s", signedAt).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -86_400, 86_400})
    void refusesAStaleOrFutureTimestamp(long offsetSeconds) {
        SignedHeaders headers = signerAt(NOW.plus(Duration.ofSeconds(offsetSeconds))).sign(BODY);

        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(headers.id(), headers.timestamp(), headers.signature(), BODY))
                .withMessage("webhook-timestamp is more than 5 minutes off");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999", "-99999999999999999", "9223372036854775807"})
    void refusesAnAbsurdTimestampAsStaleInsteadOfCrashing(String timestamp) {
        SignedHeaders headers = SIGNER.sign(BODY);

        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(headers.id(), timestamp, headers.signature(), BODY))
                .withMessage("webhook-timestamp is more than 5 minutes off");
    }

    @Test
    void refusesATimestampThatIsNotANumber() {
        SignedHeaders headers = SIGNER.sign(BODY);

        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(headers.id(), "yesterday", headers.signature(), BODY))
                .withMessage("webhook-timestamp is not a number");
    }

    @Test
    void refusesMissingHeaders() {
        SignedHeaders h = SIGNER.sign(BODY);

        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(null, h.timestamp(), h.signature(), BODY));
        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(h.id(), null, h.signature(), BODY));
        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(h.id(), h.timestamp(), null, BODY))
                .withMessageContaining("missing");
    }

    @Test
    void acceptsAHeaderWithSeveralSignaturesWhenOneMatches() {
        SignedHeaders headers = SIGNER.sign(BODY);
        String wrong = "v1," + Base64.getEncoder().encodeToString(new byte[32]);
        String several = wrong + " " + headers.signature() + " v1a,c29tZXRoaW5nIGVsc2U=";

        assertThatCode(() -> SIGNER.verify(headers.id(), headers.timestamp(), several, BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAHeaderWithSeveralSignaturesWhenNoneMatches() {
        SignedHeaders headers = SIGNER.sign(BODY);
        String wrong = "v1," + Base64.getEncoder().encodeToString(new byte[32]);

        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(headers.id(), headers.timestamp(), wrong + " " + wrong, BODY));
    }

    @Test
    void refusesTheRightSignatureUnderAnotherVersion() {
        SignedHeaders headers = SIGNER.sign(BODY);
        String unversioned = headers.signature().substring("v1,".length());

        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(headers.id(), headers.timestamp(), "v2," + unversioned, BODY));
        assertThatExceptionOfType(SignatureException.class)
                .isThrownBy(() -> SIGNER.verify(headers.id(), headers.timestamp(), unversioned, BODY));
    }

    @Test
    void makesNewSecretsOf32RandomBytesInTheWhsecForm() {
        String secret = WebhookSigner.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void needsASecret(String secret) {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSigner(secret, Clock.systemUTC()));
    }
}
