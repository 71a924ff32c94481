package io.imagepipe.signing;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The process's signers, one per channel. */
@Component
@EnableConfigurationProperties(SigningProperties.class)
public class Signers {

    private final WebhookSigner processor;
    private final WebhookSigner webhook;

    Signers(SigningProperties properties) {
        this.processor = new WebhookSigner(properties.processorSecret(), Clock.systemUTC());
        this.webhook = new WebhookSigner(properties.webhookSecret(), Clock.systemUTC());
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
