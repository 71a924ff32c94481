package io.imagepipe.signing;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Signing secrets: {@code processor-secret} signs jobs to and callbacks from the image processing
 * service, {@code webhook-secret} signs completion webhooks to clients.
 */
@Validated
@ConfigurationProperties("imagepipe.signing")
public record SigningProperties(@NotBlank String processorSecret, @NotBlank String webhookSecret) {
}
