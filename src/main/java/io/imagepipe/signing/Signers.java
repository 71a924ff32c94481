package io.imagepipe.signing;

import io.imagepipe.common.DataDirectory;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The process's signers, one per channel. */
@Component
@EnableConfigurationProperties(SigningProperties.class)
public class Signers {

    private final WebhookSigner processor;
    private final WebhookSigner webhook;

    Signers(SigningProperties properties, Environment environment, Clock clock) {
        SecretStore store = new SecretStore(DataDirectory.of(environment).resolve("secrets.properties"));
        this.processor = new WebhookSigner(store.secret("processor-secret", properties.processorSecret()), clock);
        this.webhook = new WebhookSigner(store.secret("webhook-secret", properties.webhookSecret()), clock);
    }

    /** Signs and verifies jobs sent to, and callbacks sent by, the image processing service. */
    public WebhookSigner processor() {
        return processor;
    }

    /** Signs completion webhooks sent to clients. */
    public WebhookSigner webhook() {
        return webhook;
    }
}
