package io.imagepipe.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing secrets ({@code whsec_} + base64): {@code processor-secret} signs jobs to and callbacks from
 * the image processing service, {@code webhook-secret} signs completion webhooks to clients. A secret
 * left blank is generated at first start and kept in {@code <data-dir>/secrets.properties}.
 */
@ConfigurationProperties("imagepipe.signing")
public record SigningProperties(@DefaultValue("") String processorSecret, @DefaultValue("") String webhookSecret) {
}
