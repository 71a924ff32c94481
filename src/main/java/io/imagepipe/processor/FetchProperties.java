package io.imagepipe.processor;

import io.imagepipe.common.Cidr;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sources are fetched.
 *
 * @param allowedNetworks CIDRs fetched from although the guard would refuse them (e.g. {@code 127.0.0.1/32}); empty by default
 * @param maxRedirects redirects followed, each checked again
 * @param retries extra tries after a transient failure (timeout, 429, 5xx)
 * @param retryBackoff wait before the first retry, doubled for each next one
 */
@Validated
@ConfigurationProperties("imagepipe.fetch")
public record FetchProperties(
        @DefaultValue List<String> allowedNetworks,
        @Min(0) @Max(10) @DefaultValue("5") int maxRedirects,
        @Min(0) @Max(10) @DefaultValue("2") int retries,
        @DefaultValue("500ms") Duration retryBackoff) {

    /** The allowed networks, parsed. */
    List<Cidr> allowedCidrs() {
        return allowedNetworks.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }
}
